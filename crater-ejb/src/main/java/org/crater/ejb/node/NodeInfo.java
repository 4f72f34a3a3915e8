package org.crater.ejb.node;

import java.util.List;
import org.crater.model.quota.ResourceVector;

/**
 * One node as Crater reports it.
 *
 * @param name the node name
 * @param ready whether the kubelet reports Ready
 * @param schedulable whether new pods may land there (not cordoned)
 * @param gpuModel the GPU product label, or {@code null} for CPU-only nodes
 * @param capacity what the node has
 * @param allocatable what pods may use
 * @param allocated what the pods on it request
 * @param free allocatable minus allocated, never negative
 * @param pods the pods bound to it, {@code namespace/name}
 * @param jobs ids of the Crater jobs with pods on it, ascending
 */
public record NodeInfo(
    String name,
    boolean ready,
    boolean schedulable,
    String gpuModel,
    ResourceVector capacity,
    ResourceVector allocatable,
    ResourceVector allocated,
    ResourceVector free,
    List<String> pods,
    List<Long> jobs) {}
