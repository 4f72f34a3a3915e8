package org.crater.sim.metrics;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crater.sim.actor.NodeSim;
import org.crater.sim.actor.ResourceVector;
import org.crater.sim.api.Json;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.Store;

/**
 * The cluster's GPU metrics in the Prometheus text format, as NVIDIA's dcgm-exporter serves them in
 * Kubernetes mode: {@code DCGM_FI_DEV_GPU_UTIL} (percent) and {@code DCGM_FI_DEV_FB_USED} (MiB) for
 * every GPU of every Ready node, with the labels {@code gpu}, {@code UUID}, {@code pci_bus_id},
 * {@code device}, {@code modelName}, {@code Hostname} and {@code DCGM_FI_DRIVER_VERSION}, plus
 * {@code namespace}, {@code pod} and {@code container} on a GPU that a running pod holds. A held
 * GPU is as busy as its pod says ({@link GpuLoad}); a free one is idle. Computed only when asked.
 */
public final class DcgmExporter {
  static final String UTIL = "DCGM_FI_DEV_GPU_UTIL";
  static final String FB_USED = "DCGM_FI_DEV_FB_USED";
  private static final String DRIVER_VERSION = "535.161.08";
  private static final String GPU = "nvidia.com/gpu";
  private static final String PRODUCT = "nvidia.com/gpu.product";

  /** One GPU's series: its labels and the two values. */
  private record Gpu(Map<String, String> labels, double percent) {}

  private final Store store;
  private final double defaultPercent;
  private final GpuAssignments assignments = new GpuAssignments();

  /**
   * @param defaultPercent the utilisation of a running pod that does not set its own
   */
  public DcgmExporter(Store store, double defaultPercent) {
    this.store = store;
    this.defaultPercent = defaultPercent;
  }

  /** The exposition text of every GPU now. */
  public String scrape() {
    List<Gpu> gpus = gpus();
    StringBuilder out = new StringBuilder(gpus.size() * 400 + 256);
    family(out, UTIL, "GPU utilization (in %).");
    gpus.forEach(g -> sample(out, UTIL, g.labels(), number(g.percent())));
    family(out, FB_USED, "Framebuffer memory used (in MiB).");
    gpus.forEach(
        g -> sample(out, FB_USED, g.labels(), Long.toString(GpuLoad.framebufferMib(g.percent()))));
    return out.toString();
  }

  private synchronized List<Gpu> gpus() {
    Map<String, JsonObject> nodes = new LinkedHashMap<>();
    Map<String, Integer> capacity = new HashMap<>();
    store.list(ResourceRegistry.NODES, null).stream()
        .filter(NodeSim::isReady)
        .sorted(Comparator.comparing(Json::name))
        .forEach(
            n -> {
              nodes.put(Json.name(n), n);
              capacity.put(Json.name(n), gpuCapacity(n));
            });
    List<JsonObject> pods = runningPods(nodes);
    List<GpuAssignments.Claim> claims = new ArrayList<>();
    pods.forEach(p -> claims.add(new GpuAssignments.Claim(Json.uid(p), node(p), gpusOf(p))));
    Map<String, List<Integer>> held = assignments.assign(claims, capacity);
    Map<String, JsonObject> holder = new HashMap<>();
    for (JsonObject p : pods) {
      held.get(Json.uid(p)).forEach(i -> holder.put(node(p) + "/" + i, p));
    }
    List<Gpu> gpus = new ArrayList<>();
    for (JsonObject node : nodes.values()) {
      for (int i = 0; i < capacity.get(Json.name(node)); i++) {
        gpus.add(gpu(node, i, holder.get(Json.name(node) + "/" + i)));
      }
    }
    return gpus;
  }

  private List<JsonObject> runningPods(Map<String, JsonObject> nodes) {
    return store.list(ResourceRegistry.PODS, null).stream()
        .filter(p -> "Running".equals(Json.str(p, "status.phase")))
        .filter(p -> nodes.containsKey(node(p)) && gpusOf(p) > 0)
        .sorted(
            Comparator.comparing((JsonObject p) -> String.valueOf(Json.str(p, "status.startTime")))
                .thenComparing(Json::namespace)
                .thenComparing(Json::name))
        .toList();
  }

  private Gpu gpu(JsonObject node, int index, JsonObject pod) {
    String host = Json.name(node);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("gpu", Integer.toString(index));
    labels.put("UUID", "GPU-" + UUID.nameUUIDFromBytes((host + "/" + index).getBytes()));
    labels.put("pci_bus_id", String.format("00000000:%02X:00.0", 0x10 + index));
    labels.put("device", "nvidia" + index);
    labels.put("modelName", "NVIDIA " + model(node));
    labels.put("Hostname", host);
    labels.put("DCGM_FI_DRIVER_VERSION", DRIVER_VERSION);
    if (pod == null) {
      return new Gpu(labels, 0);
    }
    labels.put("container", containerName(pod));
    labels.put("namespace", Json.namespace(pod));
    labels.put("pod", Json.name(pod));
    return new Gpu(labels, GpuLoad.percentOf(pod, defaultPercent));
  }

  private static int gpuCapacity(JsonObject node) {
    return (int) (ResourceVector.of(Json.obj(node, "status.allocatable")).get(GPU) / 1000);
  }

  private static String model(JsonObject node) {
    var product = Json.obj(node, "metadata.labels").get(PRODUCT);
    return product == null ? "GPU" : product.getAsString();
  }

  private static String node(JsonObject pod) {
    return Json.str(pod, "spec.nodeName");
  }

  private static int gpusOf(JsonObject pod) {
    return (int) (ResourceVector.requestsOf(pod).get(GPU) / 1000);
  }

  private static String containerName(JsonObject pod) {
    var containers = Json.arr(pod, "spec.containers");
    return containers.isEmpty() ? "" : Json.str(containers.get(0).getAsJsonObject(), "name");
  }

  private static void family(StringBuilder out, String name, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
  }

  private static void sample(
      StringBuilder out, String name, Map<String, String> labels, String value) {
    out.append(name).append('{');
    String sep = "";
    for (Map.Entry<String, String> l : labels.entrySet()) {
      out.append(sep).append(l.getKey()).append("=\"").append(escape(l.getValue())).append('"');
      sep = ",";
    }
    out.append("} ").append(value).append('\n');
  }

  private static String escape(String value) {
    return value == null
        ? ""
        : value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
