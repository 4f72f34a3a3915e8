package org.crater.sim.actor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.OptionalLong;
import org.crater.sim.api.Json;

/**
 * How long a pod tolerates a NoExecute taint, read from its {@code spec.tolerations} the way the
 * taint eviction controller reads them: of the tolerations that match the taint, the shortest
 * {@code tolerationSeconds}; one without seconds tolerates it for ever.
 */
final class Tolerations {

  static final String NO_EXECUTE = "NoExecute";

  private Tolerations() {}

  /**
   * Seconds the pod stays on a node with the taint {@code key:NoExecute}: empty for ever, {@code
   * whenNone} when no toleration matches (the API server's DefaultTolerationSeconds admission gives
   * such pods 300 s for the node taints; crater-sim does not write it into the pod).
   */
  static OptionalLong seconds(JsonObject pod, String key, long whenNone) {
    boolean matched = false;
    long shortest = Long.MAX_VALUE;
    for (JsonElement element : Json.arr(pod, "spec.tolerations")) {
      JsonObject toleration = element.getAsJsonObject();
      if (!matches(toleration, key)) {
        continue;
      }
      matched = true;
      JsonElement seconds = toleration.get("tolerationSeconds");
      if (seconds != null && !seconds.isJsonNull()) {
        shortest = Math.min(shortest, Math.max(0, seconds.getAsLong()));
      }
    }
    if (!matched) {
      return OptionalLong.of(whenNone);
    }
    return shortest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(shortest);
  }

  private static boolean matches(JsonObject toleration, String key) {
    String effect = Json.str(toleration, "effect");
    if (effect != null && !effect.isEmpty() && !NO_EXECUTE.equals(effect)) {
      return false;
    }
    String tolerated = Json.str(toleration, "key");
    boolean exists = "Exists".equals(Json.str(toleration, "operator"));
    if (tolerated == null || tolerated.isEmpty()) {
      return exists;
    }
    return tolerated.equals(key) && (exists || Json.str(toleration, "value") == null);
  }
}
