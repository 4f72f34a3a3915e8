package org.crater.sim.actor;

import com.google.gson.JsonObject;
import java.util.Set;
import org.crater.sim.api.Json;

/** The Volcano job phase rules and status shape used by {@link VolcanoJobController}. */
final class JobPhases {
  private static final Set<String> FINAL = Set.of("Completed", "Failed", "Aborted", "Terminated");

  private JobPhases() {}

  static boolean isFinal(String phase) {
    return phase != null && FINAL.contains(phase);
  }

  /**
   * The next phase from pod counts {pending, running, succeeded, failed}: a final phase stays;
   * Failed once minAvailable can no longer succeed; Completed when every pod has finished; Running
   * once minAvailable pods run or have succeeded; Pending otherwise.
   */
  static String next(String current, int[] counts, int total, int minAvailable) {
    if (isFinal(current)) {
      return current;
    }
    int running = counts[1];
    int succeeded = counts[2];
    int failed = counts[3];
    if (failed > 0 && failed > total - minAvailable) {
      return "Failed";
    }
    if (total > 0 && succeeded + failed >= total) {
      return succeeded >= minAvailable ? "Completed" : "Failed";
    }
    if (running + succeeded >= minAvailable && running > 0) {
      return "Running";
    }
    return "Pending";
  }

  static JsonObject setState(JsonObject job, String phase, String reason, String message) {
    JsonObject state = new JsonObject();
    state.addProperty("phase", phase);
    if (reason != null) {
      state.addProperty("reason", reason);
    }
    if (message != null) {
      state.addProperty("message", message);
    }
    state.addProperty("lastTransitionTime", Json.now());
    Json.child(job, "status").add("state", state);
    return job;
  }

  static JsonObject withCounts(
      JsonObject job, String phase, int[] counts, int minAvailable, JsonObject taskCounts) {
    JsonObject status = Json.child(job, "status");
    if (!phase.equals(Json.str(job, "status.state.phase"))) {
      setState(job, phase, null, null);
    }
    status.addProperty("pending", counts[0]);
    status.addProperty("running", counts[1]);
    status.addProperty("succeeded", counts[2]);
    status.addProperty("failed", counts[3]);
    status.addProperty("minAvailable", minAvailable);
    status.add("taskStatusCount", taskCounts);
    return job;
  }
}
