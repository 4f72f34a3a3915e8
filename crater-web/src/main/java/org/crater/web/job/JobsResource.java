package org.crater.web.job;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.crater.ejb.job.JobPage;
import org.crater.ejb.job.JobService;
import org.crater.ejb.reconcile.JobWorkloads;
import org.crater.model.account.Account;
import org.crater.model.job.Job;
import org.crater.model.job.JobPhase;
import org.crater.web.common.PageView;
import org.crater.web.common.Problem;
import org.crater.web.common.QueryParams;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's jobs. */
@Path("api/v1/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "Submit and follow your jobs")
@APIResponse(
    responseCode = "404",
    description = "No such job of yours",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class JobsResource {

  private static final int MAX_TAIL = 100_000;

  /** Says that a log answer is the tail Crater kept when the job's objects left the cluster. */
  static final String KEPT_LOG_HEADER = "Crater-Log";

  /** Says whether that kept tail dropped earlier lines. */
  static final String KEPT_LOG_TRUNCATED_HEADER = "Crater-Log-Truncated";

  @EJB private JobService jobs;
  @EJB private JobWorkloads workloads;
  @Inject private JobPresenter presenter;
  @Inject private CurrentUser caller;
  @Inject private LogStreams streams;
  @Inject private SubmissionGate gate;
  @Context private UriInfo uri;

  @POST
  @Operation(summary = "Submit a job: it queues in your account until admitted")
  @APIResponse(responseCode = "201", description = "Queued")
  @APIResponse(
      responseCode = "400",
      description = "Invalid fields, quantities, image, GPU model or mounts",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "Guaranteed job larger than your whole quota",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "429",
      description =
          "You have as many jobs queued as one user may (too-many-queued, Retry-After 30 s), or"
              + " as many submissions in progress at once (too-many-submissions, Retry-After 1 s)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response submit(@Valid @NotNull SubmitJobRequest request) {
    String account = request.account() == null ? Account.DEFAULT : request.account();
    Job job =
        gate.submit(
            caller.id(), () -> jobs.submit(caller.get(), account, JobViews.request(request)));
    return Response.created(uri.getAbsolutePathBuilder().path(job.getId().toString()).build())
        .entity(presenter.view(job))
        .build();
  }

  @GET
  @Operation(
      summary =
          "My jobs, newest first, filtered by phase, kind, account and submission time; archived"
              + " jobs only with archived=true")
  @APIResponse(responseCode = "200", description = "One page")
  public PageView<JobView> list(@Valid @BeanParam JobQuery query) {
    JobPage page =
        jobs.list(caller.get(), false, query.filter(), query.page * query.size, query.size);
    return new PageView<>(
        page.items().stream().map(presenter::view).toList(), query.page, query.size, page.total());
  }

  @GET
  @Path("statistics")
  @Operation(summary = "How many of my jobs are in each phase, archived ones included")
  @APIResponse(responseCode = "200", description = "Counts by phase")
  public Map<JobPhase, Long> statistics() {
    return jobs.statistics(caller.get(), false, true);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One of my jobs")
  @APIResponse(responseCode = "200", description = "The job")
  public JobView get(@PathParam("id") long id) {
    return presenter.view(jobs.get(caller.get(), id));
  }

  @GET
  @Path("{id}/events")
  @Operation(summary = "The timeline of one of my jobs")
  @APIResponse(responseCode = "200", description = "Moves, oldest first")
  public List<JobEventView> events(@PathParam("id") long id) {
    return jobs.events(caller.get(), id).stream().map(JobViews::event).toList();
  }

  @GET
  @Path("{id}/logs")
  @Produces({MediaType.TEXT_PLAIN, MediaType.SERVER_SENT_EVENTS})
  @Operation(
      summary =
          "The log of one of my jobs' current attempt: the last lines (tail) as text, or followed"
              + " live as server-sent events (a data event per line, a keep-alive comment every"
              + " 2 s of silence, an end event when the log ends)")
  @APIResponse(
      responseCode = "200",
      description =
          "Log text, or its events when followed. Once a finished job's objects have left the"
              + " cluster (after the retention), the tail of its log Crater kept then",
      headers = {
        @Header(
            name = KEPT_LOG_HEADER,
            description = "`kept`: the answer is the tail Crater kept, not the pod's log",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = KEPT_LOG_TRUNCATED_HEADER,
            description = "`true` when the kept tail dropped earlier lines (the log was longer)",
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(
      responseCode = "409",
      description = "The job has not started yet",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "429",
      description = "You, or everyone together, follow as many logs as allowed",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response logs(
      @PathParam("id") long id,
      @QueryParam("tail") String tail,
      @QueryParam("follow") @DefaultValue("false") String follow) {
    Integer lines = QueryParams.positiveInt("tail", tail, MAX_TAIL);
    Job job = jobs.get(caller.get(), id);
    Response answer =
        QueryParams.bool("follow", follow)
            ? streams.follow(caller.id(), () -> workloads.follow(job, lines))
            : Response.ok(workloads.logs(job, lines), MediaType.TEXT_PLAIN_TYPE).build();
    return workloads
        .kept(job)
        .map(
            kept ->
                Response.fromResponse(answer)
                    .header(KEPT_LOG_HEADER, "kept")
                    .header(KEPT_LOG_TRUNCATED_HEADER, Boolean.toString(kept.truncated()))
                    .build())
        .orElse(answer);
  }

  @PUT
  @Path("{id}/slo")
  @Operation(summary = "Change the service level of a queued job")
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(
      responseCode = "409",
      description = "Not queued any more",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public JobView changeSlo(@PathParam("id") long id, @Valid @NotNull SloChange change) {
    return presenter.view(jobs.changeSlo(caller.get(), id, change.slo()));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary =
          "Cancel a job that has not ended; archive one that has, so that lists leave it out"
              + " (again: nothing changes). The record and its timeline stay")
  @APIResponse(
      responseCode = "200",
      description = "Cancelled (phase CANCELLED), or archived (archivedAt set)")
  public JobView delete(@PathParam("id") long id) {
    return presenter.view(jobs.cancelOrArchive(caller.get(), id));
  }
}
