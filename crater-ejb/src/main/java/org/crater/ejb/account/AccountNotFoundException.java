package org.crater.ejb.account;

import org.crater.ejb.common.CraterException;

/** No account has the given name. */
public class AccountNotFoundException extends CraterException {

  public AccountNotFoundException(String name) {
    super(404, "account-not-found", "No account is named '" + name + "'.");
  }
}
