package org.crater.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.crater.ejb.job.JobFilter;
import org.crater.ejb.job.JobPage;
import org.crater.ejb.job.JobService;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobPhase;
import org.crater.web.common.PageView;
import org.crater.web.common.Problem;
import org.crater.web.common.QueryParams;
import org.crater.web.job.JobPresenter;
import org.crater.web.job.JobView;
import org.crater.web.security.AdminOnly;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every user's jobs, for administrators. */
@Path("api/v1/admin/jobs")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: jobs", description = "All jobs")
@APIResponse(
    responseCode = "403",
    description = "Not an administrator",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class AdminJobsResource {

  @EJB private JobService jobs;
  @Inject private JobPresenter presenter;
  @Inject private CurrentUser caller;

  @GET
  @Operation(
      summary =
          "All jobs, newest first, filtered by phase, kind and account; archived jobs only with"
              + " archived=true")
  @APIResponse(responseCode = "200", description = "One page")
  public PageView<JobView> list(
      @QueryParam("phase") String phase,
      @QueryParam("kind") String kind,
      @QueryParam("account") String account,
      @QueryParam("archived") String archived,
      // Bounded so that page * size stays an int offset.
      @QueryParam("page")
          @jakarta.ws.rs.DefaultValue("0")
          @jakarta.validation.constraints.Min(0)
          @jakarta.validation.constraints.Max(1_000_000)
          int page,
      @QueryParam("size")
          @jakarta.ws.rs.DefaultValue("50")
          @jakarta.validation.constraints.Min(1)
          @jakarta.validation.constraints.Max(500)
          int size) {
    JobFilter filter =
        new JobFilter(
            QueryParams.enumOf(JobPhase.class, "phase", phase),
            QueryParams.enumOf(JobKind.class, "kind", kind),
            account,
            null,
            null,
            false,
            QueryParams.bool("archived", archived));
    JobPage found = jobs.list(caller.get(), true, filter, page * size, size);
    return new PageView<>(
        found.items().stream().map(presenter::view).toList(), page, size, found.total());
  }

  @GET
  @Path("statistics")
  @Operation(summary = "How many jobs are in each phase, all users, archived ones included")
  @APIResponse(responseCode = "200", description = "Counts by phase")
  public Map<JobPhase, Long> statistics() {
    return jobs.statistics(caller.get(), true, true);
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Cancel any job")
  @APIResponse(responseCode = "200", description = "Cancelled")
  public JobView cancel(@PathParam("id") long id) {
    return presenter.view(jobs.cancel(caller.get(), id));
  }
}
