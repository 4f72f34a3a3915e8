package org.crater.ejb.node;

import org.crater.k8s.common.CraterLabels;
import org.crater.model.quota.ResourceVector;

/**
 * What one node could hold when empty: its GPU model and its allocatable resources, whether it is
 * ready or not. Used to refuse, at submission, work no node could ever run.
 *
 * @param gpuModel the GPU product label, or {@code null} for nodes without GPUs
 * @param allocatable what pods may use on it
 */
public record NodeShape(String gpuModel, ResourceVector allocatable) {

  /**
   * Whether work asking for this model (any model for {@code null}) may land here: a node of the
   * model, any GPU node for GPU work without a model, any node for work without GPUs.
   */
  public boolean hosts(String model, ResourceVector perReplica) {
    if (model == null) {
      return perReplica.get(CraterLabels.GPU) == 0 || gpuModel != null;
    }
    return model.equals(gpuModel);
  }

  /** How many replicas of this size the empty node could hold at once. */
  public long copiesOf(ResourceVector perReplica) {
    long copies = Long.MAX_VALUE;
    for (var need : perReplica.amounts().entrySet()) {
      copies = Math.min(copies, allocatable.get(need.getKey()) / need.getValue());
    }
    return copies;
  }
}
