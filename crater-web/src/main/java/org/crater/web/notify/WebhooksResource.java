package org.crater.web.notify;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.crater.ejb.common.CraterException;
import org.crater.ejb.notify.Webhooks;
import org.crater.web.common.Problem;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's webhooks: URLs that get a signed POST for each notification chosen for them. */
@Path("api/v1/notifications/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class WebhooksResource {

  @EJB private Webhooks webhooks;
  @Inject private CurrentUser caller;

  @GET
  @Operation(summary = "My webhooks (their secrets are shown only when made)")
  @APIResponse(responseCode = "200", description = "Oldest first")
  public List<WebhookView> list() {
    return webhooks.list(caller.id()).stream().map(h -> WebhookView.of(h, null)).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a webhook",
      description =
          "Each notification whose WEBHOOK channel is on is POSTed to it as JSON, with"
              + " X-Crater-Signature: sha256=<hex of HMAC-SHA256 of the body under the secret>"
              + " and X-Crater-Delivery (the same on every retry). The secret is in this answer"
              + " only.")
  @APIResponse(responseCode = "201", description = "Made; keep the secret")
  @APIResponse(
      responseCode = "400",
      description = "Not an http or https URL (invalid-webhook)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Too many webhooks (too-many-webhooks)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response add(@Valid @NotNull WebhookRequest request) {
    Webhooks.Created made = webhooks.add(caller.id(), request.url());
    return Response.status(Response.Status.CREATED)
        .entity(WebhookView.of(made.webhook(), made.secret()))
        .build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove one of my webhooks, and the calls still pending for it")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "404",
      description = "I have no such webhook",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response remove(@PathParam("id") long id) {
    if (!webhooks.remove(caller.id(), id)) {
      throw new CraterException(404, "webhook-not-found", "You have no webhook " + id + ".");
    }
    return Response.noContent().build();
  }
}
