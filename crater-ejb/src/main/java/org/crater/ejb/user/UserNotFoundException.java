package org.crater.ejb.user;

import org.crater.ejb.common.CraterException;

/** No user has the given name or id. */
public class UserNotFoundException extends CraterException {

  public UserNotFoundException(String username) {
    super(404, "user-not-found", "No user is named '" + username + "'.");
  }

  public UserNotFoundException(long id) {
    super(404, "user-not-found", "No user has the id " + id + ".");
  }
}
