package org.crater.ejb.dataset;

import java.util.Map;
import org.crater.ejb.common.CraterException;

/** A dataset that cannot be registered as described; one reason per rejected field. */
public class InvalidDatasetException extends CraterException {

  private final Map<String, String> errors;

  public InvalidDatasetException(Map<String, String> errors) {
    super(400, "invalid-dataset", "The dataset cannot be registered as described.");
    this.errors = Map.copyOf(errors);
  }

  @Override
  public Map<String, String> fieldErrors() {
    return errors;
  }
}
