package org.crater.web.compat.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.crater.ejb.auth.TokenPair;
import org.crater.web.compat.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A v0.1.0 token answer, bare (no envelope).
 *
 * @param accessToken send as {@code Authorization: Bearer <accessToken>}
 * @param refreshToken trade at {@code /refresh}; it works once
 * @param role {@code admin} or {@code user}; absent in the answer to {@code /refresh}, as in v0.1.0
 */
@Schema(name = "V010Tokens")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"accessToken", "refreshToken", "role"})
public record Tokens(String accessToken, String refreshToken, String role) {

  static Tokens withRole(TokenPair pair) {
    return new Tokens(pair.accessToken(), pair.refreshToken(), Roles.name(pair.user().getRole()));
  }

  static Tokens of(TokenPair pair) {
    return new Tokens(pair.accessToken(), pair.refreshToken(), null);
  }
}
