package org.crater.ejb.node;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.crater.ejb.common.CraterException;
import org.crater.k8s.common.ResourceAmounts;
import org.crater.k8s.node.NodeView;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.model.quota.ResourceVector;

/** Reads the node inventory the informers keep; never calls the API server itself. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeService {

  @EJB private Cluster cluster;

  /** Every node, by name. */
  public List<NodeInfo> nodes() {
    return cluster.inventory().nodes().stream().map(NodeService::info).toList();
  }

  public NodeInfo node(String name) {
    return cluster
        .inventory()
        .node(name)
        .map(NodeService::info)
        .orElseThrow(
            () -> new CraterException(404, "node-not-found", "No node is named '" + name + "'."));
  }

  /** Each GPU model's totals, by model name. */
  public List<GpuModelInfo> gpuModels() {
    return cluster.inventory().models().values().stream()
        .map(
            m ->
                new GpuModelInfo(
                    m.model(),
                    m.nodes(),
                    m.usableNodes(),
                    m.allocatable(),
                    m.allocated(),
                    m.free(),
                    m.largestFree()))
        .sorted(Comparator.comparing(GpuModelInfo::model))
        .toList();
  }

  /**
   * The GPU models the cluster has; empty when no cluster is configured or its view is still
   * loading, so a submission naming a model is refused rather than queued for hardware that may not
   * exist.
   */
  public Set<String> gpuModelNames() {
    return cluster.gpuModels();
  }

  /**
   * What every node could hold when empty, ready or not; empty while there is no cluster view, so
   * that nothing is refused for a cluster Crater cannot see.
   */
  public List<NodeShape> shapes() {
    if (!cluster.synced()) {
      return List.of();
    }
    return cluster.inventory().nodes().stream()
        .map(node -> new NodeShape(node.gpuModel(), vector(node.allocatable())))
        .toList();
  }

  private static NodeInfo info(NodeView node) {
    return new NodeInfo(
        node.name(),
        node.ready(),
        node.schedulable(),
        node.gpuModel(),
        vector(node.capacity()),
        vector(node.allocatable()),
        vector(node.allocated()),
        vector(node.free()),
        node.pods(),
        node.pods().stream()
            .map(pod -> WorkloadNames.jobIdOfPod(pod.substring(pod.indexOf('/') + 1)))
            .filter(OptionalLong::isPresent)
            .map(OptionalLong::getAsLong)
            .distinct()
            .sorted()
            .toList());
  }

  /** Over-committed nodes can show negative free amounts; Crater reports them as zero. */
  static ResourceVector vector(ResourceAmounts amounts) {
    Map<String, Long> positive = new TreeMap<>();
    amounts.amounts().forEach((name, amount) -> positive.put(name, Math.max(0, amount)));
    return ResourceVector.of(positive);
  }
}
