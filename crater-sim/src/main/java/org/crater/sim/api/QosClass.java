package org.crater.sim.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The pod QoS class Kubernetes derives from container requests and limits. */
final class QosClass {
  private QosClass() {}

  static String of(JsonObject pod) {
    boolean any = false;
    boolean guaranteed = true;
    for (JsonElement c : Json.arr(pod, "spec.containers")) {
      if (!c.isJsonObject()) {
        continue;
      }
      JsonObject requests = Json.obj(c.getAsJsonObject(), "resources.requests");
      JsonObject limits = Json.obj(c.getAsJsonObject(), "resources.limits");
      any |= requests.size() > 0 || limits.size() > 0;
      for (String r : new String[] {"cpu", "memory"}) {
        JsonElement limit = limits.get(r);
        JsonElement request = requests.has(r) ? requests.get(r) : limit;
        guaranteed &= limit != null && limit.equals(request);
      }
    }
    if (!any) {
      return "BestEffort";
    }
    return guaranteed ? "Guaranteed" : "Burstable";
  }
}
