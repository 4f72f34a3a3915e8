package org.crater.model.auth;

/** The life of a refresh token: issued, then used once (rotated) or revoked. */
public enum RefreshTokenState {
  ACTIVE,
  USED,
  REVOKED
}
