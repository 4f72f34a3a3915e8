package org.crater.ejb.auth;

import org.crater.ejb.common.CraterException;

/** A missing, malformed, tampered, expired, revoked or wrong-type token. */
public class InvalidTokenException extends CraterException {

  private InvalidTokenException(String code, String message) {
    super(401, code, message);
  }

  public static InvalidTokenException missing() {
    return new InvalidTokenException(
        "authentication-required", "Send Authorization: Bearer <token>.");
  }

  public static InvalidTokenException invalid() {
    return new InvalidTokenException("invalid-token", "The token is not valid.");
  }

  /** An expired token: an access token is refreshed, a refresh token means logging in again. */
  public static InvalidTokenException expired(TokenCodec.Type type) {
    return new InvalidTokenException(
        "token-expired",
        type == TokenCodec.Type.REFRESH
            ? "The refresh token has expired; log in again."
            : "The access token has expired; refresh it.");
  }

  public static InvalidTokenException revoked() {
    return new InvalidTokenException(
        "token-revoked", "The token was used or revoked; log in again.");
  }
}
