package org.crater.sim.actor;

import com.google.gson.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;
import org.crater.sim.api.ApiError;
import org.crater.sim.api.Json;
import org.crater.sim.api.Pods;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.Store;
import org.crater.sim.api.WatchEvent;

/**
 * A minimal Volcano Job controller: for each {@code batch.volcano.sh/v1alpha1} job it creates a
 * PodGroup and the pods {@code <job>-<task>-<index>} (owned by the job, in the job's gang) and
 * rolls pod phases up into the job's status. A job pod deleted before it finished aborts the job.
 */
public final class VolcanoJobController extends Actor {
  public static final String JOB_NAME_LABEL = "volcano.sh/job-name";
  static final String TASK_SPEC = "volcano.sh/task-spec";

  private final Set<String> dirty = new LinkedHashSet<>();

  public VolcanoJobController(Store store) {
    super("volcano", store, null);
  }

  @Override
  protected void onEvent(WatchEvent e) {
    if (e.resource().equals(ResourceRegistry.QUEUES) && e.type().equals(WatchEvent.ADDED)) {
      openQueue(e.object());
    } else if (e.resource().equals(ResourceRegistry.VC_JOBS) && e.type().equals(WatchEvent.ADDED)) {
      VolcanoPods.createFor(store, e.object());
      dirty.add(Json.namespace(e.object()) + "/" + Json.name(e.object()));
    } else if (e.resource().equals(ResourceRegistry.PODS)) {
      String job =
          Json.obj(e.object(), "metadata.labels").has(JOB_NAME_LABEL)
              ? Json.obj(e.object(), "metadata.labels").get(JOB_NAME_LABEL).getAsString()
              : null;
      if (job == null) {
        return;
      }
      if (e.type().equals(WatchEvent.DELETED) && !Pods.terminal(e.object())) {
        abort(Json.namespace(e.object()), job, Json.name(e.object()));
      }
      dirty.add(Json.namespace(e.object()) + "/" + job);
    }
  }

  @Override
  protected void afterBatch() {
    for (String key : dirty) {
      int slash = key.indexOf('/');
      try {
        rollUp(key.substring(0, slash), key.substring(slash + 1));
      } catch (ApiError e) {
        // The job went away meanwhile.
      }
    }
    dirty.clear();
  }

  /** A new queue without a state is opened, as the Volcano controller does. */
  private void openQueue(JsonObject queue) {
    if (Json.str(queue, "status.state") != null) {
      return;
    }
    store.modify(
        ResourceRegistry.QUEUES,
        null,
        Json.name(queue),
        q -> {
          Json.child(q, "status").addProperty("state", "Open");
          return q;
        },
        true);
  }

  /** A job pod vanished before finishing (preempted, evicted): Volcano aborts the whole job. */
  private void abort(String ns, String jobName, String podName) {
    JsonObject job = store.find(ResourceRegistry.VC_JOBS, ns, jobName).orElse(null);
    if (job == null || JobPhases.isFinal(Json.str(job, "status.state.phase"))) {
      return;
    }
    store.modify(
        ResourceRegistry.VC_JOBS,
        ns,
        jobName,
        j -> JobPhases.setState(j, "Aborted", "PodEvicted", "pod " + podName + " was evicted"),
        true);
    for (JsonObject pod : VolcanoPods.podsOf(store, ns, jobName)) {
      if (!Pods.terminal(pod)) {
        try {
          store.delete(ResourceRegistry.PODS, ns, Json.name(pod), false);
        } catch (ApiError e) {
          // Already gone.
        }
      }
    }
  }

  private void rollUp(String ns, String jobName) {
    JsonObject job = store.find(ResourceRegistry.VC_JOBS, ns, jobName).orElse(null);
    if (job == null) {
      return;
    }
    int[] counts = new int[4]; // pending, running, succeeded, failed
    JsonObject taskCounts = new JsonObject();
    for (JsonObject pod : VolcanoPods.podsOf(store, ns, jobName)) {
      String phase = String.valueOf(Json.str(pod, "status.phase"));
      int slot =
          switch (phase) {
            case "Running" -> 1;
            case "Succeeded" -> 2;
            case "Failed" -> 3;
            default -> 0;
          };
      counts[slot]++;
      String task =
          Json.obj(pod, "metadata.annotations").has(TASK_SPEC)
              ? Json.obj(pod, "metadata.annotations").get(TASK_SPEC).getAsString()
              : "default";
      JsonObject phases = Json.child(Json.child(taskCounts, task), "phase");
      phases.addProperty(phase, (phases.has(phase) ? phases.get(phase).getAsInt() : 0) + 1);
    }
    int total = VolcanoPods.totalReplicas(job);
    int min = VolcanoPods.minAvailable(job);
    String phase = JobPhases.next(Json.str(job, "status.state.phase"), counts, total, min);
    store.modify(
        ResourceRegistry.VC_JOBS,
        ns,
        jobName,
        j -> JobPhases.withCounts(j, phase, counts, min, taskCounts),
        true);
    updatePodGroup(ns, jobName, phase, counts);
  }

  private void updatePodGroup(String ns, String name, String jobPhase, int[] counts) {
    String phase =
        switch (jobPhase) {
          case "Running" -> "Running";
          case "Completed", "Failed", "Aborted" -> "Completed";
          default -> counts[1] > 0 ? "Running" : "Pending";
        };
    try {
      store.modify(
          ResourceRegistry.POD_GROUPS,
          ns,
          name,
          pg -> {
            JsonObject status = Json.child(pg, "status");
            status.addProperty("phase", phase);
            status.addProperty("running", counts[1]);
            status.addProperty("succeeded", counts[2]);
            status.addProperty("failed", counts[3]);
            return pg;
          },
          true);
    } catch (ApiError e) {
      // No PodGroup (deleted by a user): nothing to report on.
    }
  }
}
