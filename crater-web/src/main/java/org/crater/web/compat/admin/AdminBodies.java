package org.crater.web.compat.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the v0.1.0 admin routes, keys as v0.1.0 declared them (any case binds). */
final class AdminBodies {

  private AdminBodies() {}

  /**
   * A user's new quota in the default account; it replaces the old one.
   *
   * @param userName the user
   * @param hardQuota Kubernetes quantities, e.g. {@code {cpu: "16", "nvidia.com/gpu": "2"}}
   */
  @Schema(name = "V010UpdateQuota")
  record UpdateQuota(
      @JsonProperty("userName") @NotBlank String userName,
      @JsonProperty("hardQuota") @NotNull @Size(max = 16) Map<String, @NotNull String> hardQuota) {}

  /**
   * A user to delete, with their memberships and sessions.
   *
   * @param userName the user
   * @param deleteResource ignored, as in v0.1.0
   */
  @Schema(name = "V010DeleteUser")
  record DeleteUser(
      @JsonProperty("userName") @NotBlank String userName,
      @JsonProperty("deleteResource") Boolean deleteResource) {}

  /**
   * A user's new platform role.
   *
   * @param userName the user
   * @param role {@code admin} or {@code user}
   */
  @Schema(name = "V010UpdateRole")
  record UpdateRole(
      @JsonProperty("userName") @NotBlank String userName,
      @JsonProperty("role") @NotBlank String role) {}
}
