package org.crater.ejb.dataset;

import org.crater.ejb.common.CraterException;

/** A dataset with the given name exists already. */
public class DatasetExistsException extends CraterException {

  public DatasetExistsException(String name) {
    super(409, "dataset-exists", "A dataset named '" + name + "' exists already.");
  }
}
