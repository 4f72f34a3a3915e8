package org.crater.web.policy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.crater.ejb.policy.PolicyService;
import org.crater.web.common.Problem;
import org.crater.web.security.AdminOnly;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cluster's default policy, for administrators. */
@Path("api/v1/admin/policies/default")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: policies", description = "Run-time, queueing-time and idle limits")
@APIResponse(
    responseCode = "403",
    description = "Not an administrator",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class AdminPoliciesResource {

  @EJB private PolicyService policies;
  @Inject private CurrentUser caller;

  @GET
  @Operation(summary = "The cluster default policy: it applies to accounts without their own")
  @APIResponse(responseCode = "200", description = "The default policy")
  public PolicyView get() {
    return PolicyView.of(policies.fallback());
  }

  @PUT
  @Operation(
      summary = "Replace the cluster default policy",
      description =
          "Every limit absent or null is off. Applies to queued and running jobs from the next"
              + " check.")
  @APIResponse(responseCode = "200", description = "The default policy")
  @APIResponse(
      responseCode = "400",
      description = "A field is invalid (invalid-policy, naming it)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public PolicyView put(@Valid @NotNull PolicyRequest request) {
    return PolicyView.of(policies.changeFallback(caller.get(), request.input()));
  }
}
