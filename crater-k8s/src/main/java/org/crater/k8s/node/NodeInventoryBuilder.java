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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.common.ResourceAmounts;

/**
 * Builds a {@link NodeInventory} from node and pod objects (as held by the informer caches). A pod
 * counts against its node while bound and not Succeeded/Failed; its request is what the
 * kube-scheduler charges: max(sum of containers, largest init container) plus overhead, with limits
 * standing in for missing requests.
 */
public final class NodeInventoryBuilder {

  private NodeInventoryBuilder() {}

  /**
   * The snapshot of {@code nodes} with {@code pods} charged against the nodes they are bound to.
   */
  public static NodeInventory build(Collection<V1Node> nodes, Collection<V1Pod> pods, Instant now) {
    Map<String, ResourceAmounts> allocated = new HashMap<>();
    Map<String, List<String>> podsByNode = new HashMap<>();
    for (V1Pod pod : pods) {
      String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      if (node == null || node.isEmpty() || terminated(pod)) {
        continue;
      }
      allocated.merge(node, requests(pod.getSpec()), ResourceAmounts::plus);
      podsByNode
          .computeIfAbsent(node, k -> new ArrayList<>())
          .add(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
    }
    List<NodeView> views = new ArrayList<>();
    for (V1Node node : nodes) {
      String name = node.getMetadata().getName();
      views.add(
          view(
              node,
              allocated.getOrDefault(name, ResourceAmounts.ZERO),
              podsByNode.getOrDefault(name, List.of())));
    }
    views.sort(Comparator.comparing(NodeView::name));
    return new NodeInventory(views, summarise(views), now);
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

  private static NodeView view(V1Node node, ResourceAmounts allocated, List<String> pods) {
    ResourceAmounts capacity = ResourceAmounts.of(node.getStatus().getCapacity());
    ResourceAmounts allocatable =
        node.getStatus().getAllocatable() == null
            ? capacity
            : ResourceAmounts.of(node.getStatus().getAllocatable());
    boolean schedulable =
        node.getSpec() == null || !Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    List<String> sorted = new ArrayList<>(pods);
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

  /** The GPU models of these nodes (cheap: no pods involved). */
  public static SortedSet<String> models(Collection<V1Node> nodes) {
    SortedSet<String> models = new TreeSet<>();
    for (V1Node node : nodes) {
      ResourceAmounts capacity =
          node.getStatus() == null
              ? ResourceAmounts.ZERO
              : ResourceAmounts.of(node.getStatus().getCapacity());
      String model = gpuModel(node, capacity);
      if (model != null) {
        models.add(model);
      }
    }
    return models;
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
