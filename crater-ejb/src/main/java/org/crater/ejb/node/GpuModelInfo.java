package org.crater.ejb.node;

/**
 * The GPUs of one model across the cluster.
 *
 * @param model the GPU product, e.g. {@code A100}
 * @param nodes nodes with this model
 * @param usableNodes of those, ready and schedulable
 * @param allocatable GPUs pods may use
 * @param allocated GPUs requested by pods
 * @param free GPUs left on usable nodes
 * @param largestFree the most GPUs free on one usable node
 */
public record GpuModelInfo(
    String model,
    int nodes,
    int usableNodes,
    long allocatable,
    long allocated,
    long free,
    long largestFree) {}
