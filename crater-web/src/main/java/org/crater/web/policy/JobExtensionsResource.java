package org.crater.web.policy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.crater.ejb.policy.ExtensionService;
import org.crater.model.policy.Extension;
import org.crater.web.common.Problem;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Requests for more run time for one of the caller's jobs. */
@Path("api/v1/jobs/{id}/extensions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "Submit and follow your jobs")
@APIResponse(
    responseCode = "404",
    description = "No such job of yours",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class JobExtensionsResource {

  @EJB private ExtensionService extensions;
  @Inject private CurrentUser caller;
  @Context private UriInfo uri;

  @POST
  @Operation(
      summary = "Ask for more run time for a running job that has a run-time limit or a warning",
      description =
          "Approved at once (decidedBy policy) while the job's auto-approved hours stay within"
              + " its account's autoApproveHours; otherwise pending until an administrator"
              + " decides. An approval moves the run-time deadline and withdraws an idle warning.")
  @APIResponse(responseCode = "201", description = "Requested (state PENDING or APPROVED)")
  @APIResponse(
      responseCode = "400",
      description = "hours or reason invalid (invalid-extension, naming the field)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "Not running (job-not-running), nothing to extend (no-limit), or a request is waiting"
              + " (extension-pending)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response request(@PathParam("id") long id, @Valid @NotNull ExtensionRequest request) {
    Extension extension = extensions.request(caller.get(), id, request.hours(), request.reason());
    return Response.created(uri.getAbsolutePathBuilder().path(extension.getId().toString()).build())
        .entity(ExtensionView.of(extension))
        .build();
  }

  @GET
  @Operation(summary = "The job's extension requests, oldest first")
  @APIResponse(responseCode = "200", description = "Its requests")
  public List<ExtensionView> list(@PathParam("id") long id) {
    return extensions.ofJob(caller.get(), id).stream().map(ExtensionView::of).toList();
  }
}
