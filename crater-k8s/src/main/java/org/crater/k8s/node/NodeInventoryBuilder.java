package org.crater.k8s.node;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.common.ResourceAmounts;

/**
 * Builds a {@link NodeInventory} from node and pod objects (as held by the informer caches). A pod
 * counts against its node while bound and not Succeeded/Failed; its request is what the
 * kube-scheduler charges: max(sum of containers, largest init container) plus overhead, with limits
 * standing in for missing requests.
 *
 * <p>An instance keeps the inventory between builds: it is told every node and pod change (as the
 * informers see them) and views again only the nodes whose object or charged pods changed since the
 * last build, so a build over thousands of nodes costs what changed, not the whole cluster. Its
 * methods may be called from any thread.
 */
public final class NodeInventoryBuilder {

  private final Map<String, V1Node> nodes = new HashMap<>();
  private final Map<String, Map<String, ResourceAmounts>> charged = new HashMap<>();
  private final Map<String, NodeView> views = new TreeMap<>();
  private final Set<String> changed = new HashSet<>();

  /**
   * The snapshot of {@code nodes} with {@code pods} charged against the nodes they are bound to.
   */
  public static NodeInventory build(Collection<V1Node> nodes, Collection<V1Pod> pods, Instant now) {
    NodeInventoryBuilder builder = new NodeInventoryBuilder();
    nodes.forEach(builder::node);
    pods.forEach(pod -> builder.pod(null, pod));
    return builder.build(now);
  }

  /** A node was added or changed. */
  public synchronized void node(V1Node node) {
    String name = node.getMetadata().getName();
    nodes.put(name, node);
    changed.add(name);
  }

  /** A node is gone. */
  public synchronized void nodeGone(String name) {
    nodes.remove(name);
    changed.add(name);
  }

  /** A pod changed from {@code before} to {@code after}; null for absent (added, gone). */
  public synchronized void pod(V1Pod before, V1Pod after) {
    Charge was = Charge.of(before);
    Charge now = Charge.of(after);
    if (Objects.equals(was, now)) {
      return;
    }
    if (was != null) {
      charged.getOrDefault(was.node(), new HashMap<>()).remove(was.pod());
      changed.add(was.node());
    }
    if (now != null) {
      charged.computeIfAbsent(now.node(), k -> new HashMap<>()).put(now.pod(), now.request());
      changed.add(now.node());
    }
  }

  /** The snapshot of the nodes and pods told so far. */
  public synchronized NodeInventory build(Instant now) {
    for (String name : changed) {
      V1Node node = nodes.get(name);
      Map<String, ResourceAmounts> pods = charged.getOrDefault(name, Map.of());
      if (pods.isEmpty()) {
        charged.remove(name);
      }
      if (node == null) {
        views.remove(name);
      } else {
        views.put(name, view(node, pods));
      }
    }
    changed.clear();
    List<NodeView> list = List.copyOf(views.values());
    return new NodeInventory(list, summarise(list), now);
  }

  /** What a pod takes from its node while it counts against it. */
  private record Charge(String node, String pod, ResourceAmounts request) {

    static Charge of(V1Pod pod) {
      String node = pod == null || pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      if (node == null || node.isEmpty() || terminated(pod)) {
        return null;
      }
      String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
      return new Charge(node, key, requests(pod.getSpec()));
    }
  }

  /** The resources the scheduler charges for one pod spec. */
  public static ResourceAmounts requests(V1PodSpec spec) {
    ResourceAmounts sum = ResourceAmounts.ZERO;
    for (V1Container c : spec.getContainers()) {
      sum = sum.plus(requests(c));
    }
    if (spec.getInitContainers() != null) {
      for (V1Container c : spec.getInitContainers()) {
        sum = sum.max(requests(c));
      }
    }
    return spec.getOverhead() == null ? sum : sum.plus(ResourceAmounts.of(spec.getOverhead()));
  }

  private static ResourceAmounts requests(V1Container c) {
    V1ResourceRequirements r = c.getResources();
    if (r == null) {
      return ResourceAmounts.ZERO;
    }
    // The API server defaults a missing request to its limit.
    ResourceAmounts limits = ResourceAmounts.of(r.getLimits());
    ResourceAmounts requests = ResourceAmounts.of(r.getRequests());
    Map<String, Long> merged = new TreeMap<>(limits.amounts());
    merged.putAll(requests.amounts());
    return new ResourceAmounts(merged);
  }

  private static boolean terminated(V1Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static NodeView view(V1Node node, Map<String, ResourceAmounts> pods) {
    ResourceAmounts allocated = ResourceAmounts.ZERO;
    for (ResourceAmounts request : pods.values()) {
      allocated = allocated.plus(request);
    }
    ResourceAmounts capacity = ResourceAmounts.of(node.getStatus().getCapacity());
    ResourceAmounts allocatable =
        node.getStatus().getAllocatable() == null
            ? capacity
            : ResourceAmounts.of(node.getStatus().getAllocatable());
    boolean schedulable =
        node.getSpec() == null || !Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    List<String> sorted = new ArrayList<>(pods.keySet());
    sorted.sort(null);
    return new NodeView(
        node.getMetadata().getName(),
        ready(node),
        schedulable,
        gpuModel(node, capacity),
        capacity,
        allocatable,
        allocated,
        allocatable.minus(allocated),
        sorted);
  }

  private static boolean ready(V1Node node) {
    List<V1NodeCondition> conditions = node.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String gpuModel(V1Node node, ResourceAmounts capacity) {
    Map<String, String> labels = node.getMetadata().getLabels();
    String model = labels == null ? null : labels.get(CraterLabels.GPU_PRODUCT);
    if (model == null && capacity.get(CraterLabels.GPU) > 0) {
      return "unknown";
    }
    return model;
  }

  private static Map<String, GpuModelSummary> summarise(List<NodeView> views) {
    Map<String, List<NodeView>> byModel = new TreeMap<>();
    for (NodeView v : views) {
      if (v.gpuModel() != null) {
        byModel.computeIfAbsent(v.gpuModel(), k -> new ArrayList<>()).add(v);
      }
    }
    Map<String, GpuModelSummary> out = new TreeMap<>();
    byModel.forEach((model, list) -> out.put(model, summary(model, list)));
    return out;
  }

  private static GpuModelSummary summary(String model, List<NodeView> list) {
    long capacity = 0;
    long allocatable = 0;
    long allocated = 0;
    long free = 0;
    long largest = 0;
    int usable = 0;
    for (NodeView v : list) {
      capacity += v.capacity().get(CraterLabels.GPU);
      allocatable += v.allocatable().get(CraterLabels.GPU);
      allocated += v.allocated().get(CraterLabels.GPU);
      if (v.usable()) {
        usable++;
        long f = Math.max(0, v.free().get(CraterLabels.GPU));
        free += f;
        largest = Math.max(largest, f);
      }
    }
    return new GpuModelSummary(
        model, list.size(), usable, capacity, allocatable, allocated, free, largest);
  }
}
