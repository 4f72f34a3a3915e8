package org.crater.ejb.dataset;

import org.crater.ejb.common.CraterException;

/** No dataset has the given name. */
public class DatasetNotFoundException extends CraterException {

  public DatasetNotFoundException(String name) {
    super(404, "dataset-not-found", "No dataset is named '" + name + "'.");
  }
}
