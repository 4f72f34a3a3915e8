package org.crater.model.user;

/** Whether a user may use Crater now. */
public enum UserStatus {
  ACTIVE,
  DISABLED
}
