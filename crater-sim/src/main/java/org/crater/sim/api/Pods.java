package org.crater.sim.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Pod operations shared by the HTTP binding endpoint and the in-process scheduler. */
public final class Pods {
  private Pods() {}

  /**
   * Binds a pod to a node by setting spec.nodeName once; a second binding is a 409, as on a real
   * API server.
   */
  public static JsonObject bind(Store store, String ns, String name, String node) {
    return store.modify(ResourceRegistry.PODS, ns, name, pod -> bound(pod, node), Part.WHOLE);
  }

  /** Adds or replaces the condition of the same type in a pod's status object. */
  public static void setCondition(JsonObject status, JsonObject condition) {
    JsonArray updated = new JsonArray();
    for (JsonElement c : Json.arr(status, "conditions")) {
      if (!String.valueOf(Json.str(c.getAsJsonObject(), "type"))
          .equals(Json.str(condition, "type"))) {
        updated.add(c);
      }
    }
    updated.add(condition);
    status.add("conditions", updated);
  }

  /** A pod condition as Kubernetes writes it. */
  public static JsonObject condition(String type, String value, String reason, String message) {
    JsonObject c = new JsonObject();
    c.addProperty("type", type);
    c.addProperty("status", value);
    if (reason != null) {
      c.addProperty("reason", reason);
    }
    if (message != null) {
      c.addProperty("message", message);
    }
    c.addProperty("lastTransitionTime", Json.now());
    return c;
  }

  private static JsonObject bound(JsonObject pod, String node) {
    String current = Json.str(pod, "spec.nodeName");
    if (current != null && !current.isEmpty()) {
      throw new ApiError(
          409,
          "Conflict",
          "Operation cannot be fulfilled on pods/binding \""
              + Json.name(pod)
              + "\": pod "
              + Json.name(pod)
              + " is already assigned to node \""
              + current
              + "\"",
          "pods/binding",
          Json.name(pod));
    }
    Json.child(pod, "spec").addProperty("nodeName", node);
    setCondition(Json.child(pod, "status"), condition("PodScheduled", "True", null, null));
    return pod;
  }

  /** Whether the pod has reached Succeeded or Failed. */
  public static boolean terminal(JsonObject pod) {
    String phase = Json.str(pod, "status.phase");
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }
}
