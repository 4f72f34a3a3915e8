package org.crater.ejb.auth;

import jakarta.ejb.ApplicationException;
import org.crater.ejb.common.CraterException;

/**
 * A refresh token came back after it was used or revoked: a sign it was stolen. The family
 * revocation made in the same transaction must stand, so this error commits instead of rolling
 * back.
 */
@ApplicationException(rollback = false)
public class RefreshTokenReusedException extends CraterException {

  public RefreshTokenReusedException() {
    super(401, "token-revoked", "The token was used or revoked; log in again.");
  }
}
