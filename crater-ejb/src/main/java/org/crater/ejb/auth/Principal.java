package org.crater.ejb.auth;

import org.crater.model.user.PlatformRole;

/**
 * The authenticated caller of one request, as read from the database (not from the token), so a
 * role change or a disabled user takes effect at once on the replica that made it and within a
 * second on the others ({@link CallerCache}).
 *
 * @param userId the user's id
 * @param username the user's name
 * @param role the user's platform role now
 */
public record Principal(long userId, String username, PlatformRole role) {

  public boolean isAdmin() {
    return role == PlatformRole.ADMIN;
  }
}
