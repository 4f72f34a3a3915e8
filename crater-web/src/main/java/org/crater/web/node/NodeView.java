package org.crater.web.node;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One node; resources as Kubernetes quantities.
 *
 * @param name the node name
 * @param ready whether the kubelet reports Ready
 * @param schedulable whether new work may land there
 * @param gpuModel the GPU product, if any
 * @param capacity what the node has
 * @param allocatable what pods may use
 * @param allocated what the pods on it request
 * @param free what is left
 * @param podCount how many pods are on it
 * @param jobCount how many Crater jobs have pods on it
 * @param pods the pods on it, {@code namespace/name}: all of them for an administrator, the pods of
 *     the caller's own jobs for anyone else
 * @param jobs ids of the Crater jobs running there: all of them for an administrator, the caller's
 *     own for anyone else
 */
@Schema(name = "Node")
public record NodeView(
    @Schema(example = "gpu-node-1") String name,
    boolean ready,
    boolean schedulable,
    @Schema(example = "A100") String gpuModel,
    Map<String, String> capacity,
    Map<String, String> allocatable,
    Map<String, String> allocated,
    @Schema(example = "{\"cpu\": \"60\", \"memory\": \"480Gi\", \"nvidia.com/gpu\": \"6\"}")
        Map<String, String> free,
    int podCount,
    int jobCount,
    List<String> pods,
    List<Long> jobs) {}
