package org.crater.web.node;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One GPU model across the cluster.
 *
 * @param model the GPU product
 * @param nodes nodes with this model
 * @param usableNodes of those, ready and schedulable
 * @param allocatable GPUs pods may use
 * @param allocated GPUs requested by pods
 * @param free GPUs left on usable nodes
 * @param largestFree the most GPUs free on a single usable node
 */
@Schema(name = "GpuModel")
public record GpuModelView(
    @Schema(example = "A100") String model,
    int nodes,
    int usableNodes,
    long allocatable,
    long allocated,
    long free,
    long largestFree) {}
