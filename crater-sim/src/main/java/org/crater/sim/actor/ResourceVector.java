package org.crater.sim.actor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.crater.sim.api.Json;
import org.crater.sim.api.Quantities;

/** Amounts of named resources in milli-units; a missing resource counts as zero. */
public final class ResourceVector {
  private final Map<String, Long> amounts;

  private ResourceVector(Map<String, Long> amounts) {
    this.amounts = amounts;
  }

  public static ResourceVector empty() {
    return new ResourceVector(new HashMap<>());
  }

  /** Parses a {@code ResourceList} JSON object such as node allocatable. */
  public static ResourceVector of(JsonObject list) {
    ResourceVector v = empty();
    for (Map.Entry<String, JsonElement> e : list.entrySet()) {
      v.amounts.merge(e.getKey(), Quantities.milli(e.getValue().getAsString()), Long::sum);
    }
    return v;
  }

  /** The pod's requests: per container requests, falling back to limits, plus one pod slot. */
  public static ResourceVector requestsOf(JsonObject pod) {
    ResourceVector v = empty();
    for (JsonElement c : Json.arr(pod, "spec.containers")) {
      JsonObject container = c.getAsJsonObject();
      JsonObject requests = Json.obj(container, "resources.requests");
      JsonObject limits = Json.obj(container, "resources.limits");
      for (Map.Entry<String, JsonElement> e : limits.entrySet()) {
        if (!requests.has(e.getKey())) {
          v.amounts.merge(e.getKey(), Quantities.milli(e.getValue().getAsString()), Long::sum);
        }
      }
      for (Map.Entry<String, JsonElement> e : requests.entrySet()) {
        v.amounts.merge(e.getKey(), Quantities.milli(e.getValue().getAsString()), Long::sum);
      }
    }
    v.amounts.merge("pods", 1000L, Long::sum);
    return v;
  }

  public long get(String resource) {
    return amounts.getOrDefault(resource, 0L);
  }

  /** The resources with a positive amount. */
  public java.util.Set<String> positive() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    amounts.forEach(
        (k, v) -> {
          if (v > 0) {
            names.add(k);
          }
        });
    return names;
  }

  public ResourceVector copy() {
    return new ResourceVector(new HashMap<>(amounts));
  }

  public void add(ResourceVector other) {
    other.amounts.forEach((k, v) -> amounts.merge(k, v, Long::sum));
  }

  public void subtract(ResourceVector other) {
    other.amounts.forEach((k, v) -> amounts.merge(k, -v, Long::sum));
  }

  /** Whether every non-zero request is within this vector's amounts. */
  public boolean covers(ResourceVector request) {
    for (Map.Entry<String, Long> e : request.amounts.entrySet()) {
      if (e.getValue() > 0 && get(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return amounts.toString();
  }
}
