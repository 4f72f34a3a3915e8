package org.crater.sim.metrics;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.crater.sim.api.Json;

/**
 * How busy a running pod keeps its GPUs, in percent: the annotation {@value #ANNOTATION}, else the
 * environment variable {@value #ENV} of its first container, else the cluster's default. A value
 * that is not a number is ignored; numbers are clamped to 0..100.
 */
final class GpuLoad {
  static final String ANNOTATION = "sim.crater.io/gpu-util";
  static final String ENV = "SIM_GPU_UTIL";

  /** Framebuffer a GPU uses per percent of utilisation (40000 MiB when fully busy). */
  static final long FB_MIB_PER_PERCENT = 400;

  private GpuLoad() {}

  /** The pod's GPU utilisation in percent. */
  static double percentOf(JsonObject pod, double fallback) {
    JsonObject annotations = Json.obj(pod, "metadata.annotations");
    if (annotations.has(ANNOTATION)) {
      Double value = parse(annotations.get(ANNOTATION));
      if (value != null) {
        return value;
      }
    }
    Double fromEnv = parse(envValue(pod));
    return fromEnv != null ? fromEnv : clamp(fallback);
  }

  /** The framebuffer memory in use (MiB) at that utilisation. */
  static long framebufferMib(double percent) {
    return Math.round(percent * FB_MIB_PER_PERCENT);
  }

  private static JsonElement envValue(JsonObject pod) {
    var containers = Json.arr(pod, "spec.containers");
    if (containers.isEmpty()) {
      return null;
    }
    for (JsonElement e : Json.arr(containers.get(0).getAsJsonObject(), "env")) {
      JsonObject var = e.getAsJsonObject();
      if (ENV.equals(Json.str(var, "name"))) {
        return var.get("value");
      }
    }
    return null;
  }

  private static Double parse(JsonElement value) {
    if (value == null || !value.isJsonPrimitive()) {
      return null;
    }
    try {
      double v = Double.parseDouble(value.getAsString().trim());
      return Double.isFinite(v) ? clamp(v) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(100, v));
  }
}
