package org.crater.web.user;

import org.crater.model.user.User;

/** Converts users to their views. */
public final class UserViews {

  private UserViews() {}

  public static UserView of(User user) {
    return new UserView(
        user.getUsername(),
        user.getDisplayName(),
        user.getEmail(),
        user.getRole(),
        user.getStatus(),
        user.getCreatedAt());
  }
}
