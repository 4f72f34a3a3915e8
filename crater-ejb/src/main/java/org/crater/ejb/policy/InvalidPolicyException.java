package org.crater.ejb.policy;

import java.util.Map;
import org.crater.ejb.common.CraterException;

/** A policy or an extension request that cannot be taken as written; one reason per field. */
public class InvalidPolicyException extends CraterException {

  private final Map<String, String> errors;

  public InvalidPolicyException(String code, String message, Map<String, String> errors) {
    super(400, code, message);
    this.errors = Map.copyOf(errors);
  }

  @Override
  public Map<String, String> fieldErrors() {
    return errors;
  }
}
