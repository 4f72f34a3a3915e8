package org.crater.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.crater.ejb.usage.UsageFilter;
import org.crater.ejb.usage.UsageService;
import org.crater.web.common.Problem;
import org.crater.web.security.AdminOnly;
import org.crater.web.usage.UsageCsv;
import org.crater.web.usage.UsageReportView;
import org.crater.web.usage.UsageRequests;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Everyone's usage, for administrators. */
@Path("api/v1/admin/usage")
@AdminOnly
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, UsageCsv.MEDIA_TYPE})
@Tag(name = "Admin: usage", description = "Everyone's GPU-, CPU- and memory-hours")
@APIResponse(
    responseCode = "403",
    description = "Not an administrator",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class AdminUsageResource {

  @EJB private UsageService usage;
  @Inject private Clock clock;

  @GET
  @Operation(
      summary =
          "Everyone's usage on the days from..to (UTC, at most 366; default: this month),"
              + " filtered by user, account and gpuModel, summed by groupBy (day, user, account,"
              + " gpuModel, by commas; default day); JSON, or CSV with Accept: text/csv or"
              + " format=csv")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UsageReportView.class)),
        @Content(mediaType = UsageCsv.MEDIA_TYPE)
      })
  @APIResponse(
      responseCode = "400",
      description = "A bad date, a reversed or too long range, an unknown grouping or format",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response all(
      @Parameter(description = "First day, e.g. 2026-11-01") @QueryParam("from") String from,
      @Parameter(description = "Last day, included") @QueryParam("to") String to,
      @Parameter(description = "e.g. user,gpuModel") @QueryParam("groupBy") String groupBy,
      @Parameter(description = "Only this username") @QueryParam("user") String user,
      @Parameter(description = "Only this account") @QueryParam("account") String account,
      @Parameter(description = "Only this GPU model") @QueryParam("gpuModel") String gpuModel,
      @Parameter(description = "json or csv") @QueryParam("format") String format,
      @Context HttpHeaders headers) {
    UsageFilter filter = UsageRequests.filter(clock, from, to, groupBy, user, account, gpuModel);
    return UsageRequests.answer(filter, usage.all(filter), format, headers);
  }
}
