package org.crater.k8s.node;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.common.ResourceAmounts;

/**
 * An immutable snapshot of the cluster's nodes, with per-GPU-model totals and placement queries for
 * the admission scheduler. Placement is a first-fit estimate over usable nodes; the real scheduler
 * decides, so a "fits" answer is a good reason to try, not a promise.
 *
 * @param nodes every node, sorted by name
 * @param models GPU model to its summary, sorted by model
 * @param takenAt when the snapshot was built
 */
public record NodeInventory(
    List<NodeView> nodes, Map<String, GpuModelSummary> models, Instant takenAt) {

  /** Copies the collections. */
  public NodeInventory {
    nodes = List.copyOf(nodes);
    models = Map.copyOf(models);
  }

  /** The node with this name. */
  public Optional<NodeView> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** Total free resources over usable nodes (negative per-node values count as zero). */
  public ResourceAmounts free() {
    ResourceAmounts total = ResourceAmounts.ZERO;
    for (NodeView n : nodes) {
      if (n.usable()) {
        total = total.plus(n.free().nonNegative());
      }
    }
    return total;
  }

  /**
   * True when one replica with these per-replica resources fits on some usable node of the model.
   */
  public boolean fits(ResourceAmounts perReplica, String gpuModel) {
    return placeable(perReplica, gpuModel, 1) >= 1;
  }

  /** True when all {@code replicas} fit at once (a gang), spread over usable nodes of the model. */
  public boolean fitsAll(ResourceAmounts perReplica, String gpuModel, int replicas) {
    return placeable(perReplica, gpuModel, replicas) >= replicas;
  }

  /**
   * How many replicas (up to {@code limit}) fit now on usable nodes of the model (null = any
   * model).
   */
  public int placeable(ResourceAmounts perReplica, String gpuModel, int limit) {
    long count = 0;
    for (NodeView n : nodes) {
      if (count >= limit) {
        break;
      }
      if (n.usable() && matches(n, gpuModel, perReplica)) {
        count += n.free().copiesOf(perReplica);
      }
    }
    return (int) Math.min(count, limit);
  }

  private static boolean matches(NodeView n, String gpuModel, ResourceAmounts perReplica) {
    if (gpuModel == null || gpuModel.isBlank()) {
      // A GPU request without a model may land on any GPU node; CPU-only work anywhere.
      return perReplica.get(CraterLabels.GPU) == 0 || n.gpuModel() != null;
    }
    return gpuModel.equals(n.gpuModel());
  }
}
