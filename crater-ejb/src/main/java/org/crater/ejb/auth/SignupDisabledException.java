package org.crater.ejb.auth;

import org.crater.ejb.common.CraterException;

/** Self-service sign-up is switched off ({@code crater.auth.signup-enabled}). */
public class SignupDisabledException extends CraterException {

  public SignupDisabledException() {
    super(403, "signup-disabled", "Sign-up is disabled; ask an administrator for an account.");
  }
}
