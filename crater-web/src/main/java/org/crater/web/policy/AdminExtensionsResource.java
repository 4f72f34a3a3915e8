package org.crater.web.policy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.crater.ejb.policy.ExtensionService;
import org.crater.ejb.policy.InvalidPolicyException;
import org.crater.model.policy.ExtensionState;
import org.crater.web.common.Problem;
import org.crater.web.security.AdminOnly;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every job's extension requests, and their decisions, for administrators. */
@Path("api/v1/admin/extensions")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: policies", description = "Run-time, queueing-time and idle limits")
@APIResponse(
    responseCode = "403",
    description = "Not an administrator",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class AdminExtensionsResource {

  @EJB private ExtensionService extensions;
  @Inject private CurrentUser caller;

  @GET
  @Operation(summary = "Extension requests, oldest first, optionally in one state (at most 1000)")
  @APIResponse(responseCode = "200", description = "The requests")
  @APIResponse(
      responseCode = "400",
      description = "Unknown state",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public List<ExtensionView> list(@QueryParam("state") String state) {
    return extensions.list(state(state)).stream().map(ExtensionView::of).toList();
  }

  @POST
  @Path("{id}/approve")
  @Operation(summary = "Approve a pending request: the job's run-time deadline moves")
  @APIResponse(responseCode = "200", description = "Approved")
  @APIResponse(
      responseCode = "404",
      description = "No such request",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Decided already (extension-decided) or the job has ended (job-finished)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public ExtensionView approve(@PathParam("id") long id, @Valid ExtensionDecision decision) {
    return ExtensionView.of(extensions.decide(caller.get(), id, true, message(decision)));
  }

  @POST
  @Path("{id}/reject")
  @Operation(summary = "Reject a pending request")
  @APIResponse(responseCode = "200", description = "Rejected")
  @APIResponse(
      responseCode = "404",
      description = "No such request",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Decided already (extension-decided) or the job has ended (job-finished)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public ExtensionView reject(@PathParam("id") long id, @Valid ExtensionDecision decision) {
    return ExtensionView.of(extensions.decide(caller.get(), id, false, message(decision)));
  }

  private static String message(ExtensionDecision decision) {
    return decision == null || decision.message() == null || decision.message().isBlank()
        ? null
        : decision.message().strip();
  }

  private static ExtensionState state(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return ExtensionState.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidPolicyException(
          "invalid-query",
          "Unknown state.",
          java.util.Map.of("state", "must be pending, approved or rejected"));
    }
  }
}
