package org.crater.model.user;

/** What a user may do across the whole platform. Only an administrator ever grants ADMIN. */
public enum PlatformRole {
  ADMIN,
  USER
}
