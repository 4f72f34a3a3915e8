package org.crater.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Locale;
import org.crater.ejb.audit.AuditPage;
import org.crater.ejb.audit.AuditQuery;
import org.crater.ejb.audit.AuditStore;
import org.crater.web.common.PageView;
import org.crater.web.common.Problem;
import org.crater.web.common.QueryParams;
import org.crater.web.security.AdminOnly;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, for administrators. */
@Path("api/v1/admin/audit")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: audit", description = "Every state-changing request: who, from where, what")
@APIResponse(
    responseCode = "403",
    description = "Not an administrator",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class AdminAuditResource {

  @EJB private AuditStore audit;

  @GET
  @Operation(
      summary = "Audited requests, newest first, filtered",
      description =
          "Every POST, PUT, PATCH and DELETE (logins, refreshes and refused requests included),"
              + " written within about a second of its answer.")
  @APIResponse(responseCode = "200", description = "One page")
  @APIResponse(
      responseCode = "400",
      description = "A bad filter",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public PageView<AuditView> list(
      @Parameter(description = "The caller, or the name tried at a login")
          @QueryParam("user")
          @Size(max = 63)
          String user,
      @Parameter(description = "POST, PUT, PATCH or DELETE") @QueryParam("method") String method,
      @Parameter(description = "Part of the route template, such as /cancel")
          @QueryParam("action")
          @Size(max = 255)
          String action,
      @Parameter(description = "The kind of object, such as jobs")
          @QueryParam("objectType")
          @Size(max = 64)
          String objectType,
      @Parameter(description = "The object's id") @QueryParam("objectId") @Size(max = 255)
          String objectId,
      @Parameter(description = "A status code (403) or class (4xx)") @QueryParam("status")
          String status,
      @Parameter(description = "From this instant (ISO-8601), inclusive") @QueryParam("from")
          String from,
      @Parameter(description = "Before this instant (ISO-8601)") @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
    StatusRange range = StatusRange.parse(status);
    Instant since = QueryParams.instant("from", from);
    Instant until = QueryParams.instant("to", to);
    AuditQuery query =
        new AuditQuery(
            blankToNull(user),
            QueryParams.choice("method", method, "POST", "PUT", "PATCH", "DELETE"),
            blankToNull(action),
            blankToNull(objectType),
            blankToNull(objectId),
            range == null ? null : range.from(),
            range == null ? null : range.to(),
            since,
            until);
    AuditPage found = audit.page(query, page * size, size);
    return new PageView<>(
        found.items().stream().map(AuditView::of).toList(), page, size, found.total());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A status filter: one code ({@code 403}) or a class ({@code 4xx}). */
  record StatusRange(int from, int to) {

    static StatusRange parse(String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      String v = value.strip().toLowerCase(Locale.ROOT);
      if (v.matches("[1-5]xx")) {
        int hundreds = (v.charAt(0) - '0') * 100;
        return new StatusRange(hundreds, hundreds + 99);
      }
      if (v.matches("[1-5][0-9][0-9]")) {
        int code = Integer.parseInt(v);
        return new StatusRange(code, code);
      }
      throw QueryParams.invalid("status", "a status code such as 403 or a class such as 4xx");
    }
  }
}
