package org.crater.ejb.auth;

import org.crater.ejb.common.CraterException;

/** Wrong username or wrong password: the same answer for both, so neither can be probed. */
public class InvalidCredentialsException extends CraterException {

  public InvalidCredentialsException() {
    super(401, "invalid-credentials", "Wrong username or password.");
  }
}
