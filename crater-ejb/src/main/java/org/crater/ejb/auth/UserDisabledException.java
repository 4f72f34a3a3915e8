package org.crater.ejb.auth;

import org.crater.ejb.common.CraterException;

/** The user is disabled and may not log in or refresh a token. */
public class UserDisabledException extends CraterException {

  public UserDisabledException() {
    super(403, "user-disabled", "This user is disabled; ask an administrator.");
  }
}
