package org.crater.web.policy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.crater.ejb.policy.PolicyService;
import org.crater.web.common.Problem;
import org.crater.web.security.AdminOnly;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An account's own policy, which replaces the default for its jobs; for administrators. */
@Path("api/v1/admin/accounts/{name}/policy")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: policies", description = "Run-time, queueing-time and idle limits")
@APIResponse(
    responseCode = "403",
    description = "Not an administrator",
    content = @Content(schema = @Schema(implementation = Problem.class)))
@APIResponse(
    responseCode = "404",
    description = "No such account, or (GET, DELETE) it follows the default policy",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class AdminAccountPolicyResource {

  @EJB private PolicyService policies;
  @Inject private CurrentUser caller;

  @GET
  @Operation(summary = "The account's own policy")
  @APIResponse(responseCode = "200", description = "Its policy")
  public PolicyView get(@PathParam("name") String name) {
    return PolicyView.of(policies.ofAccount(name));
  }

  @PUT
  @Operation(
      summary = "Give the account its own policy, replacing the default for its jobs as a whole",
      description =
          "Every limit absent or null is off. Applies to its queued and running jobs from the"
              + " next check.")
  @APIResponse(responseCode = "200", description = "Its policy")
  @APIResponse(
      responseCode = "400",
      description = "A field is invalid (invalid-policy, naming it)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public PolicyView put(@PathParam("name") String name, @Valid @NotNull PolicyRequest request) {
    return PolicyView.of(policies.changeAccount(caller.get(), name, request.input()));
  }

  @DELETE
  @Operation(summary = "Remove the account's own policy: the default applies from the next check")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response delete(@PathParam("name") String name) {
    policies.removeAccount(name);
    return Response.noContent().build();
  }
}
