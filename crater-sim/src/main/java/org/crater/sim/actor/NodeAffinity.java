package org.crater.sim.actor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.crater.sim.api.Json;

/**
 * A pod's required node affinity ({@code requiredDuringSchedulingIgnoredDuringExecution}), as
 * kube-scheduler reads it: the node must match one of the terms; a term matches when all its {@code
 * matchExpressions} (on labels) and {@code matchFields} (on {@code metadata.name}) do. The
 * operators In, NotIn, Exists and DoesNotExist are supported.
 */
final class NodeAffinity {

  private NodeAffinity() {}

  static boolean accepts(JsonObject pod, String nodeName, JsonObject labels) {
    JsonArray terms =
        Json.arr(
            pod,
            "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                + ".nodeSelectorTerms");
    if (terms.isEmpty()) {
      return true;
    }
    for (JsonElement term : terms) {
      if (matches(term.getAsJsonObject(), nodeName, labels)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(JsonObject term, String nodeName, JsonObject labels) {
    for (JsonElement e : Json.arr(term, "matchExpressions")) {
      JsonObject req = e.getAsJsonObject();
      JsonElement value = labels.get(Json.str(req, "key"));
      if (!holds(req, value == null ? null : value.getAsString())) {
        return false;
      }
    }
    for (JsonElement e : Json.arr(term, "matchFields")) {
      JsonObject req = e.getAsJsonObject();
      if (!"metadata.name".equals(Json.str(req, "key")) || !holds(req, nodeName)) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(JsonObject requirement, String actual) {
    Set<String> values = new HashSet<>();
    Json.arr(requirement, "values").forEach(v -> values.add(v.getAsString()));
    return switch (String.valueOf(Json.str(requirement, "operator"))) {
      case "In" -> actual != null && values.contains(actual);
      case "NotIn" -> actual == null || !values.contains(actual);
      case "Exists" -> actual != null;
      case "DoesNotExist" -> actual == null;
      default -> false;
    };
  }
}
