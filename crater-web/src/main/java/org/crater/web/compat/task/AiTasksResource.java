package org.crater.web.compat.task;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.crater.ejb.dataset.DatasetService;
import org.crater.ejb.dataset.MountGrants;
import org.crater.ejb.job.JobService;
import org.crater.ejb.node.ClusterSettings;
import org.crater.ejb.quota.QuotaService;
import org.crater.model.account.Account;
import org.crater.web.common.QueryParams;
import org.crater.web.compat.CompatApi;
import org.crater.web.compat.CompatBodies;
import org.crater.web.compat.CompatError;
import org.crater.web.compat.Envelope;
import org.crater.web.job.SubmissionGate;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Crater v0.1.0's task routes over the caller's native jobs in the default account. Lists hold the
 * newest {@value #MAX_TASKS} tasks, deleted ones included (the frontend filters on {@code
 * isDeleted}): v0.1.0 had no paging. A deleted task is a cancelled or an archived job.
 */
@Path("v1/aitask")
@CompatApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = CompatApi.TAG, description = CompatApi.TAG_DESCRIPTION)
@APIResponse(
    responseCode = "401",
    description = "No, an invalid or an expired token (40106, 40105)",
    content = @Content(schema = @Schema(implementation = CompatError.class)))
public class AiTasksResource {

  static final int MAX_TASKS = 1000;

  @EJB private JobService jobs;
  @EJB private QuotaService quotas;
  @EJB private DatasetService datasets;
  @Inject private ClusterSettings cluster;
  @Inject private CurrentUser caller;
  @Inject private CompatBodies bodies;
  @Inject private SubmissionGate gate;

  @POST
  @Path("create")
  @Operation(summary = "Queue a task: {TaskID}")
  @RequestBody(content = @Content(schema = @Schema(implementation = TaskBodies.Create.class)))
  @APIResponse(responseCode = "200", description = "Queued")
  @APIResponse(
      responseCode = "400",
      description = "Invalid fields (40001)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  @APIResponse(
      responseCode = "422",
      description = "A guaranteed task larger than the whole quota (42201)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  @APIResponse(
      responseCode = "429",
      description = "As many tasks queued, or submissions in progress, as one user may (42901)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  public Envelope<TaskAnswers.Created> create(InputStream body) {
    TaskBodies.Create task = bodies.read(body, TaskBodies.Create.class);
    // v0.1.0 bodies cannot ask for a read-only mount: a read-only dataset is mounted read-only.
    var grants =
        task.shareDirs() == null || task.shareDirs().isEmpty()
            ? MountGrants.NONE
            : datasets.mountable(caller.get());
    var job =
        gate.submit(
            caller.id(),
            () -> jobs.submit(caller.get(), Account.DEFAULT, TaskViews.request(task, grants)));
    return Envelope.of(new TaskAnswers.Created(job.getId()));
  }

  @POST
  @Path("delete")
  @Operation(
      summary =
          "Delete a task whatever its status: a task that has not ended is cancelled, then its job"
              + " is archived (its record stays); deleting it again changes nothing")
  @RequestBody(content = @Content(schema = @Schema(implementation = TaskBodies.Delete.class)))
  @APIResponse(responseCode = "200", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No such task of yours (40401)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  public Envelope<String> delete(InputStream body) {
    jobs.cancelAndArchive(caller.get(), bodies.read(body, TaskBodies.Delete.class).taskID());
    return Envelope.done();
  }

  @POST
  @Path("updateSLO")
  @Operation(summary = "Change the slo of a queued task")
  @RequestBody(content = @Content(schema = @Schema(implementation = TaskBodies.UpdateSlo.class)))
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(
      responseCode = "409",
      description = "The task is not queued any more (40901)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  public Envelope<String> updateSlo(InputStream body) {
    TaskBodies.UpdateSlo change = bodies.read(body, TaskBodies.UpdateSlo.class);
    jobs.changeSlo(caller.get(), change.taskID(), TaskViews.slo(change.slo()));
    return Envelope.done();
  }

  @GET
  @Path("list")
  @Operation(summary = "My tasks, newest first, deleted ones included (isDeleted): {Tasks}")
  @APIResponse(responseCode = "200", description = "My tasks")
  public Envelope<TaskAnswers.Listing> list(@QueryParam("status") String ignored) {
    var page = jobs.list(caller.get(), false, TaskViews.everything(), 0, MAX_TASKS);
    return Envelope.of(TaskViews.listing(page.items().stream(), cluster.namespace()));
  }

  @GET
  @Path("get")
  @Operation(summary = "One of my tasks")
  @APIResponse(responseCode = "200", description = "The task")
  @APIResponse(
      responseCode = "404",
      description = "No such task of yours (40401)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  public Envelope<TaskView> get(@QueryParam("taskID") String taskId) {
    return Envelope.of(
        TaskViews.of(
            jobs.get(caller.get(), QueryParams.number("taskID", taskId)), cluster.namespace()));
  }

  @GET
  @Path("getQuota")
  @Operation(summary = "My quota in the default account: {user, hard, hardUsed, softUsed}")
  @APIResponse(responseCode = "200", description = "My quota")
  public Envelope<TaskAnswers.Quota> getQuota() {
    return Envelope.of(TaskViews.quota(caller.get().username(), quotas.quotasOf(caller.id())));
  }

  @GET
  @Path("taskStats")
  @Operation(
      summary =
          "How many of my tasks that are not deleted are in each status:"
              + " {taskCount: [{Status, Count}]}")
  @APIResponse(responseCode = "200", description = "Counts")
  public Envelope<TaskAnswers.Stats> taskStats() {
    return Envelope.of(TaskViews.stats(jobs.statistics(caller.get(), false, false)));
  }
}
