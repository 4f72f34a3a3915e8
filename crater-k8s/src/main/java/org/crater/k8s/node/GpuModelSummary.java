package org.crater.k8s.node;

/**
 * GPUs of one model across the cluster. {@code largestFree} is the most free GPUs on a single
 * usable node, which bounds the biggest single-pod request that can start now.
 *
 * @param model GPU product label value
 * @param nodes nodes with this model
 * @param usableNodes of which ready and not cordoned
 * @param capacity GPUs in capacity
 * @param allocatable GPUs allocatable
 * @param allocated GPUs requested by bound pods
 * @param free allocatable minus allocated on usable nodes (never negative per node)
 * @param largestFree most free GPUs on one usable node
 */
public record GpuModelSummary(
    String model,
    int nodes,
    int usableNodes,
    long capacity,
    long allocatable,
    long allocated,
    long free,
    long largestFree) {}
