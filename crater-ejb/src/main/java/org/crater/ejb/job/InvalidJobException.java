package org.crater.ejb.job;

import java.util.Map;
import org.crater.ejb.common.CraterException;

/** A submission that cannot run as asked; one reason per rejected field. */
public class InvalidJobException extends CraterException {

  private final Map<String, String> errors;

  public InvalidJobException(Map<String, String> errors) {
    super(400, "invalid-job", "The job cannot run as submitted.");
    this.errors = Map.copyOf(errors);
  }

  @Override
  public Map<String, String> fieldErrors() {
    return errors;
  }
}
