package org.crater.ejb.account;

import org.crater.ejb.common.CraterException;

/** An account with the given name exists already. */
public class AccountExistsException extends CraterException {

  public AccountExistsException(String name) {
    super(409, "account-exists", "An account named '" + name + "' exists already.");
  }
}
