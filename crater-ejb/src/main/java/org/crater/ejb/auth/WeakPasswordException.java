package org.crater.ejb.auth;

import java.util.Map;
import org.crater.ejb.common.CraterException;

/** A password outside Crater's rule (8 to 72 bytes). */
public class WeakPasswordException extends CraterException {

  public WeakPasswordException() {
    super(400, "weak-password", "Passwords have 8 to 72 bytes.");
  }

  @Override
  public Map<String, String> fieldErrors() {
    return Map.of("password", getMessage());
  }
}
