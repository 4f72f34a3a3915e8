package org.crater.web.notify;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.crater.ejb.common.CraterException;
import org.crater.ejb.notify.NotificationInbox;
import org.crater.ejb.notify.NotificationPage;
import org.crater.ejb.notify.PreferenceStore;
import org.crater.model.notify.Channel;
import org.crater.model.notify.NotificationType;
import org.crater.web.common.Problem;
import org.crater.web.common.QueryParams;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's notifications and their choice of what reaches them where. */
@Path("api/v1/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "What happened to your jobs, and how you hear of it")
public class NotificationsResource {

  @EJB private NotificationInbox inbox;
  @EJB private PreferenceStore preferences;
  @Inject private CurrentUser caller;

  @GET
  @Operation(
      summary = "My notifications, newest first; state=unread or read filters them",
      description = "unread counts all my unread notifications, whatever the filter.")
  @APIResponse(responseCode = "200", description = "One page")
  @APIResponse(
      responseCode = "400",
      description = "A bad state, page or size",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public NotificationPageView list(
      @QueryParam("state") String state,
      // Bounded so that page * size stays an int offset.
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
    NotificationInbox.Filter filter =
        QueryParams.enumOf(NotificationInbox.Filter.class, "state", state);
    NotificationPage found =
        inbox.list(
            caller.id(), filter == null ? NotificationInbox.Filter.ALL : filter, page * size, size);
    return new NotificationPageView(
        found.items().stream().map(NotificationView::of).toList(),
        page,
        size,
        found.total(),
        found.unread());
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Mark one of my notifications read or unread")
  @APIResponse(responseCode = "200", description = "The notification as it is now")
  @APIResponse(
      responseCode = "404",
      description = "I have no such notification",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public NotificationView mark(@PathParam("id") long id, @Valid @NotNull ReadChange change) {
    return inbox
        .mark(caller.id(), id, change.read())
        .map(NotificationView::of)
        .orElseThrow(
            () ->
                new CraterException(
                    404, "notification-not-found", "You have no notification " + id + "."));
  }

  @POST
  @Path("read")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Mark all my notifications read", description = "Body: {\"all\": true}.")
  @APIResponse(responseCode = "200", description = "How many were unread")
  public Map<String, Integer> markAllRead(@Valid @NotNull ReadAll request) {
    return Map.of("marked", inbox.markAllRead(caller.id()));
  }

  @GET
  @Path("preferences")
  @Operation(
      summary = "Which notifications reach me on which channel",
      description =
          "Every type with IN_API, EMAIL and WEBHOOK on or off. Defaults: IN_API for all, EMAIL"
              + " for FAILED, PREEMPTED, WARNED and STOPPED, WEBHOOK for none.")
  @APIResponse(responseCode = "200", description = "My choices, defaults filled in")
  public Map<NotificationType, Map<Channel, Boolean>> preferences() {
    return preferences.of(caller.id()).all();
  }

  @PUT
  @Path("preferences")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Choose which notifications reach me on which channel",
      description =
          "Takes the shape GET answers, or part of it: the types and channels named are set,"
              + " the others stay as they were. Answers the full result.")
  @APIResponse(responseCode = "200", description = "My choices, defaults filled in")
  @APIResponse(
      responseCode = "400",
      description = "An unknown type or channel, or a value that is not true or false",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Map<NotificationType, Map<Channel, Boolean>> choose(
      @NotNull Map<NotificationType, Map<Channel, Boolean>> choices) {
    choices.forEach(
        (type, channels) -> {
          if (type == null || channels == null || channels.containsKey(null)) {
            throw invalidChoice(String.valueOf(type), "must map channels to true or false");
          }
          channels.forEach(
              (channel, on) -> {
                if (on == null) {
                  throw invalidChoice(type + "." + channel, "must be true or false");
                }
              });
        });
    return preferences.choose(caller.id(), choices).all();
  }

  private static CraterException invalidChoice(String field, String reason) {
    return new CraterException(400, "invalid-preferences", field + " " + reason + ".") {
      @Override
      public Map<String, String> fieldErrors() {
        return Map.of(field, reason);
      }
    };
  }
}
