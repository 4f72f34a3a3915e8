package org.crater.k8s.volcano;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.util.Map;
import org.crater.k8s.kind.WorkloadKind;
import org.crater.k8s.kind.WorkloadKind.VolcanoTask;
import org.crater.k8s.pod.PodTemplates;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * Builds the Volcano Job of a gang or multi-replica workload. Invariants: scheduler {@code
 * volcano}, {@code minAvailable} equals the total replicas (all or nothing), queue is the account,
 * every task template carries the job's labels and priority class, and {@code kind}/{@code
 * apiVersion} are set. The tasks and plugins are the job kind's ({@link WorkloadKind#tasks}, {@link
 * WorkloadKind#volcanoPlugins}).
 */
public final class VolcanoJobs {

  public static final String GROUP = "batch.volcano.sh";
  public static final String VERSION = "v1alpha1";
  public static final String PLURAL = "jobs";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "Job";

  private VolcanoJobs() {}

  /** The desired Volcano job of a spec. */
  public static DynamicKubernetesObject job(WorkloadSpec spec, WorkloadSettings settings) {
    JsonObject root = new JsonObject();
    root.addProperty("apiVersion", API_VERSION);
    root.addProperty("kind", KIND);
    root.add("metadata", metadata(spec, settings));
    root.add("spec", jobSpec(spec, settings));
    return new DynamicKubernetesObject(root);
  }

  private static JsonObject metadata(WorkloadSpec spec, WorkloadSettings settings) {
    JsonObject meta = new JsonObject();
    meta.addProperty("name", spec.objectName());
    meta.addProperty("namespace", settings.namespaceOf(spec));
    meta.add("labels", stringMap(WorkloadNames.labels(spec)));
    if (!spec.annotations().isEmpty()) {
      meta.add("annotations", stringMap(spec.annotations()));
    }
    return meta;
  }

  private static JsonObject jobSpec(WorkloadSpec spec, WorkloadSettings settings) {
    JsonObject s = new JsonObject();
    s.addProperty("schedulerName", "volcano");
    s.addProperty("minAvailable", spec.replicas());
    s.addProperty("queue", settings.volcanoQueueFromAccount() ? spec.account() : "default");
    s.addProperty("priorityClassName", spec.slo().priorityClassName());
    // Crater requeues with a new attempt itself; Volcano must not restart behind its back.
    s.addProperty("maxRetry", 1);
    s.add("policies", policies());
    s.add("plugins", plugins(spec));
    JsonArray tasks = new JsonArray();
    for (VolcanoTask task : spec.kind().tasks(spec.replicas())) {
      JsonObject json = task(spec, settings, task.name(), task.replicas());
      if (spec.kind().completingTask().filter(task.name()::equals).isPresent()) {
        JsonObject completes = new JsonObject();
        completes.addProperty("event", "TaskCompleted");
        completes.addProperty("action", "CompleteJob");
        JsonArray policies = new JsonArray();
        policies.add(completes);
        json.add("policies", policies);
      }
      tasks.add(json);
    }
    s.add("tasks", tasks);
    return s;
  }

  private static JsonObject task(
      WorkloadSpec spec, WorkloadSettings settings, String name, int replicas) {
    JsonObject task = new JsonObject();
    task.addProperty("name", name);
    task.addProperty("replicas", replicas);
    task.addProperty("minAvailable", replicas);
    JsonElement template = JSON.getGson().toJsonTree(PodTemplates.template(spec, settings, name));
    task.add("template", template);
    return task;
  }

  private static JsonArray policies() {
    JsonArray policies = new JsonArray();
    for (String event : new String[] {"PodEvicted", "PodFailed"}) {
      JsonObject p = new JsonObject();
      p.addProperty("event", event);
      p.addProperty("action", "AbortJob");
      policies.add(p);
    }
    return policies;
  }

  private static JsonObject plugins(WorkloadSpec spec) {
    JsonObject plugins = new JsonObject();
    plugins.add("svc", new JsonArray());
    plugins.add("env", new JsonArray());
    spec.kind()
        .volcanoPlugins()
        .forEach(
            (plugin, args) -> {
              JsonArray json = new JsonArray();
              args.forEach(json::add);
              plugins.add(plugin, json);
            });
    return plugins;
  }

  private static JsonObject stringMap(Map<String, String> map) {
    JsonObject o = new JsonObject();
    map.forEach(o::addProperty);
    return o;
  }
}
