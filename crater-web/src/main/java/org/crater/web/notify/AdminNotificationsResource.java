package org.crater.web.notify;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crater.ejb.common.CraterException;
import org.crater.ejb.notify.Deliveries;
import org.crater.web.common.PageView;
import org.crater.web.common.Problem;
import org.crater.web.security.AdminOnly;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every user's e-mails and webhook calls, with their failures, for administrators. */
@Path("api/v1/admin/notifications")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: notifications", description = "E-mails and webhook calls")
@APIResponse(
    responseCode = "403",
    description = "Not an administrator",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class AdminNotificationsResource {

  private static final Set<String> STATUSES =
      Set.of(Deliveries.PENDING, Deliveries.SENT, Deliveries.FAILED);

  @EJB private Deliveries deliveries;

  @GET
  @Path("deliveries")
  @Operation(
      summary =
          "E-mails and webhook calls, latest change first; status=FAILED lists those out of"
              + " attempts, PENDING those still retried (with their last error)")
  @APIResponse(responseCode = "200", description = "One page")
  @APIResponse(
      responseCode = "400",
      description = "A bad status, page or size",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public PageView<DeliveryView> deliveries(
      @QueryParam("status") String status,
      // Bounded so that page * size stays an int offset.
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
    String wanted = status(status);
    return new PageView<>(
        deliveries.list(wanted, page * size, size).stream().map(DeliveryView::of).toList(),
        page,
        size,
        deliveries.count(wanted));
  }

  private static String status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String status = value.strip().toUpperCase(Locale.ROOT);
    if (!STATUSES.contains(status)) {
      throw new CraterException(
          400, "invalid-query", "Query parameter status must be PENDING, SENT or FAILED.") {
        @Override
        public Map<String, String> fieldErrors() {
          return Map.of("status", "must be PENDING, SENT or FAILED");
        }
      };
    }
    return status;
  }
}
