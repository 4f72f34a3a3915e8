package org.crater.sim.actor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crater.sim.api.ApiError;
import org.crater.sim.api.Json;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.ResourceType;
import org.crater.sim.api.Store;

/** Builds the PodGroup and pods of a Volcano job, as the Volcano job controller names them. */
final class VolcanoPods {
  private static final String SIM_PREFIX = "sim.crater.io/";

  private VolcanoPods() {}

  static int totalReplicas(JsonObject job) {
    int total = 0;
    for (JsonElement task : Json.arr(job, "spec.tasks")) {
      total += (int) Json.num(task.getAsJsonObject(), "replicas", 1);
    }
    return total;
  }

  static int minAvailable(JsonObject job) {
    return (int) Json.num(job, "spec.minAvailable", totalReplicas(job));
  }

  static List<JsonObject> podsOf(Store store, String ns, String job) {
    List<JsonObject> pods = new ArrayList<>();
    for (JsonObject pod : store.list(ResourceRegistry.PODS, ns)) {
      JsonObject labels = Json.obj(pod, "metadata.labels");
      JsonElement owner = labels.get(VolcanoJobController.JOB_NAME_LABEL);
      if (owner != null && owner.getAsString().equals(job)) {
        pods.add(pod);
      }
    }
    return pods;
  }

  /** Creates the job's PodGroup, pods and initial status; existing objects are kept. */
  static void createFor(Store store, JsonObject job) {
    String ns = Json.namespace(job);
    boolean current =
        store
            .find(ResourceRegistry.VC_JOBS, ns, Json.name(job))
            .filter(j -> Json.uid(j).equals(Json.uid(job)))
            .isPresent();
    if (!current) {
      return; // deleted (or the cluster reset) before this event was handled
    }
    createQuietly(store, ResourceRegistry.POD_GROUPS, ns, podGroup(job));
    for (JsonElement t : Json.arr(job, "spec.tasks")) {
      JsonObject task = t.getAsJsonObject();
      int replicas = (int) Json.num(task, "replicas", 1);
      for (int i = 0; i < replicas; i++) {
        createQuietly(store, ResourceRegistry.PODS, ns, pod(job, task, i));
      }
    }
    try {
      store.modify(
          ResourceRegistry.VC_JOBS,
          ns,
          Json.name(job),
          j ->
              JobPhases.withCounts(
                  JobPhases.setState(j, "Pending", null, null),
                  "Pending",
                  new int[] {totalReplicas(job), 0, 0, 0},
                  minAvailable(job),
                  new JsonObject()),
          true);
    } catch (ApiError e) {
      // Deleted meanwhile.
    }
  }

  private static void createQuietly(Store store, ResourceType t, String ns, JsonObject o) {
    try {
      store.create(t, ns, o);
    } catch (ApiError e) {
      // 409: created before (controller restart); 404: the namespace or job is gone.
    }
  }

  private static JsonObject ownerRef(JsonObject job) {
    JsonObject ref = new JsonObject();
    ref.addProperty("apiVersion", ResourceRegistry.VC_JOBS.apiVersion());
    ref.addProperty("kind", "Job");
    ref.addProperty("name", Json.name(job));
    ref.addProperty("uid", Json.uid(job));
    ref.addProperty("controller", true);
    ref.addProperty("blockOwnerDeletion", true);
    return ref;
  }

  private static JsonObject podGroup(JsonObject job) {
    JsonObject meta = new JsonObject();
    meta.addProperty("name", Json.name(job));
    meta.add("labels", Json.obj(job, "metadata.labels").deepCopy());
    meta.add("ownerReferences", single(ownerRef(job)));
    JsonObject spec = new JsonObject();
    spec.addProperty("minMember", minAvailable(job));
    spec.addProperty("queue", queue(job));
    String pc = Json.str(job, "spec.priorityClassName");
    if (pc != null) {
      spec.addProperty("priorityClassName", pc);
    }
    JsonObject status = new JsonObject();
    status.addProperty("phase", "Pending");
    JsonObject pg = new JsonObject();
    pg.add("metadata", meta);
    pg.add("spec", spec);
    pg.add("status", status);
    return pg;
  }

  private static String queue(JsonObject job) {
    String queue = Json.str(job, "spec.queue");
    return queue == null ? "default" : queue;
  }

  private static JsonObject pod(JsonObject job, JsonObject task, int index) {
    String jobName = Json.name(job);
    String taskName = String.valueOf(Json.str(task, "name"));
    JsonObject template = Json.obj(task, "template");
    JsonObject labels = Json.obj(template, "metadata.labels").deepCopy();
    Json.obj(job, "metadata.labels").asMap().forEach((k, v) -> labels.add(k, v.deepCopy()));
    labels.addProperty(VolcanoJobController.JOB_NAME_LABEL, jobName);
    labels.addProperty("volcano.sh/job-namespace", Json.namespace(job));
    labels.addProperty("volcano.sh/queue-name", queue(job));
    labels.addProperty(VolcanoJobController.TASK_SPEC, taskName);
    JsonObject annotations = Json.obj(template, "metadata.annotations").deepCopy();
    for (Map.Entry<String, JsonElement> e : Json.obj(job, "metadata.annotations").entrySet()) {
      if (e.getKey().startsWith(SIM_PREFIX) && !annotations.has(e.getKey())) {
        annotations.add(e.getKey(), e.getValue().deepCopy());
      }
    }
    annotations.addProperty(SchedulerSim.GROUP_ANNOTATION, jobName);
    annotations.addProperty(VolcanoJobController.JOB_NAME_LABEL, jobName);
    annotations.addProperty(VolcanoJobController.TASK_SPEC, taskName);
    annotations.addProperty("volcano.sh/task-index", Integer.toString(index));
    JsonObject meta = new JsonObject();
    meta.addProperty("name", jobName + "-" + taskName + "-" + index);
    meta.add("labels", labels);
    meta.add("annotations", annotations);
    meta.add("ownerReferences", single(ownerRef(job)));
    JsonObject spec = Json.obj(template, "spec").deepCopy();
    String scheduler = Json.str(job, "spec.schedulerName");
    spec.addProperty("schedulerName", scheduler == null ? "volcano" : scheduler);
    String pc = Json.str(job, "spec.priorityClassName");
    if (pc != null && !spec.has("priorityClassName")) {
      spec.addProperty("priorityClassName", pc);
    }
    JsonObject pod = new JsonObject();
    pod.add("metadata", meta);
    pod.add("spec", spec);
    return pod;
  }

  private static JsonArray single(JsonObject o) {
    JsonArray a = new JsonArray();
    a.add(o);
    return a;
  }
}
