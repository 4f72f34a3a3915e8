package org.crater.k8s.volcano;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.crater.k8s.workload.WorkloadPhase;

/**
 * The status of a Volcano job as read from its raw JSON: {@code status.state.phase} mapped to a
 * workload phase, the state's reason and message, and the pod counters. Absent fields read as
 * Pending / 0.
 *
 * @param volcanoPhase the raw Volcano phase (Pending, Running, Completed, Failed, Aborted...)
 * @param phase the mapped workload phase
 * @param reason state reason, may be null
 * @param message state message, may be null
 * @param running running pods
 * @param succeeded succeeded pods
 * @param failed failed pods
 */
public record VolcanoJobStatus(
    String volcanoPhase,
    WorkloadPhase phase,
    String reason,
    String message,
    int running,
    int succeeded,
    int failed) {

  /** Reads the status of a Volcano job object. */
  public static VolcanoJobStatus of(DynamicKubernetesObject job) {
    JsonObject status = object(job.getRaw(), "status");
    JsonObject state = object(status, "state");
    String raw = string(state, "phase");
    return new VolcanoJobStatus(
        raw == null ? "Pending" : raw,
        phaseOf(raw),
        string(state, "reason"),
        string(state, "message"),
        integer(status, "running"),
        integer(status, "succeeded"),
        integer(status, "failed"));
  }

  /**
   * Maps a Volcano job phase; in-between phases (Aborting, Restarting...) count as still running.
   */
  public static WorkloadPhase phaseOf(String volcanoPhase) {
    if (volcanoPhase == null) {
      return WorkloadPhase.PENDING;
    }
    return switch (volcanoPhase) {
      case "Pending", "Inqueue" -> WorkloadPhase.PENDING;
      case "Completed" -> WorkloadPhase.SUCCEEDED;
      case "Failed", "Aborted", "Terminated" -> WorkloadPhase.FAILED;
      default -> WorkloadPhase.RUNNING;
    };
  }

  private static JsonObject object(JsonObject parent, String key) {
    JsonElement e = parent == null ? null : parent.get(key);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
  }

  private static String string(JsonObject parent, String key) {
    JsonElement e = parent.get(key);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }

  private static int integer(JsonObject parent, String key) {
    JsonElement e = parent.get(key);
    // Numbers may arrive as 2.0 (pitfall "numbers as doubles" in docs/architecture.md):
    // read them as numbers, not as strings.
    return e != null && e.isJsonPrimitive() ? e.getAsNumber().intValue() : 0;
  }
}
