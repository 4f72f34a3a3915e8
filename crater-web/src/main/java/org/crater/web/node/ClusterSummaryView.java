package org.crater.web.node;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The cluster at a glance.
 *
 * @param nodes how many nodes there are
 * @param usableNodes how many take new work (ready, not cordoned)
 * @param gpus free and allocated GPUs per model
 * @param queued how many jobs wait in each account's queues
 */
@Schema(name = "ClusterSummary")
public record ClusterSummaryView(
    int nodes, int usableNodes, List<GpuModelView> gpus, Map<String, Long> queued) {}
