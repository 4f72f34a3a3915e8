package org.crater.web.compat.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.crater.model.common.Names;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the v0.1.0 auth routes, keys as v0.1.0 declared them (any case binds). */
final class AuthBodies {

  private AuthBodies() {}

  /**
   * Credentials; the v0.1.0 frontend sends {@code {username, password}}.
   *
   * @param userName the username
   * @param passWord the password
   */
  @Schema(name = "V010Login")
  record Login(
      @JsonProperty("userName") @NotBlank @Size(max = 63) String userName,
      @JsonProperty("passWord") @NotBlank @Size(max = 256) String passWord) {}

  /**
   * A new user; the v0.1.0 frontend sends {@code {userName, password, role: "user"}}.
   *
   * @param userName a DNS-1123 label
   * @param role {@code user}; {@code admin} is refused, administrators grant it
   * @param passWord 8 to 72 bytes
   */
  @Schema(name = "V010Signup")
  record Signup(
      @JsonProperty("userName")
          @NotNull
          @Pattern(
              regexp = Names.DNS_1123_LABEL,
              message = "must be a DNS-1123 label (a-z, 0-9, -)")
          @Size(max = 63)
          String userName,
      @JsonProperty("role") @NotBlank String role,
      @JsonProperty("passWord") @NotBlank @Size(max = 256) String passWord) {}

  /**
   * A refresh token to trade for a new pair.
   *
   * @param refreshToken the refresh token of the last pair
   */
  @Schema(name = "V010Refresh")
  record Refresh(@JsonProperty("refreshToken") @NotBlank String refreshToken) {}
}
