package org.crater.ejb.user;

import org.crater.ejb.common.CraterException;

/** The username is taken. */
public class UserExistsException extends CraterException {

  public UserExistsException(String username) {
    super(409, "user-exists", "The username '" + username + "' is taken.");
  }
}
