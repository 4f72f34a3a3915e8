package org.crater.k8s.node;

import java.util.List;
import org.crater.k8s.common.ResourceAmounts;

/**
 * One node in an inventory snapshot. Invariant: {@code free = allocatable - allocated} (negative
 * entries mean over-commitment).
 *
 * @param name node name
 * @param ready the Ready condition is True
 * @param schedulable not cordoned
 * @param gpuModel value of {@code nvidia.com/gpu.product}, null for nodes without GPUs
 * @param capacity node capacity
 * @param allocatable node allocatable
 * @param allocated sum of the requests of non-terminated pods bound here
 * @param free allocatable minus allocated
 * @param pods bound non-terminated pods as {@code namespace/name}, sorted
 */
public record NodeView(
    String name,
    boolean ready,
    boolean schedulable,
    String gpuModel,
    ResourceAmounts capacity,
    ResourceAmounts allocatable,
    ResourceAmounts allocated,
    ResourceAmounts free,
    List<String> pods) {

  /** Copies the pod list. */
  public NodeView {
    pods = List.copyOf(pods);
  }

  /** True when new pods may land here: ready and not cordoned. */
  public boolean usable() {
    return ready && schedulable;
  }
}
