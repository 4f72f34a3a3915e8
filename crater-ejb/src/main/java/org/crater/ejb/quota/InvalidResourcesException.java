package org.crater.ejb.quota;

import java.util.Map;
import org.crater.ejb.common.CraterException;

/**
 * Resource quantities that cannot be used: unknown syntax, negative, fractional counts or absurd.
 */
public class InvalidResourcesException extends CraterException {

  private final Map<String, String> errors;

  public InvalidResourcesException(Map<String, String> errors) {
    super(400, "invalid-resources", "Some resource quantities are invalid.");
    this.errors = Map.copyOf(errors);
  }

  @Override
  public Map<String, String> fieldErrors() {
    return errors;
  }
}
