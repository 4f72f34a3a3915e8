package org.crater.sim.api;

import com.google.gson.JsonObject;

/** Pod operations shared by the HTTP binding endpoint and the in-process scheduler. */
public final class Pods {
  private Pods() {}

  /**
   * Binds a pod to a node by setting spec.nodeName once; a second binding is a 409, as on a real
   * API server.
   */
  public static JsonObject bind(Store store, String ns, String name, String node) {
    return store.modify(ResourceRegistry.PODS, ns, name, pod -> bound(pod, node), false);
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
    return pod;
  }

  /** Whether the pod has reached Succeeded or Failed. */
  public static boolean terminal(JsonObject pod) {
    String phase = Json.str(pod, "status.phase");
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }
}
