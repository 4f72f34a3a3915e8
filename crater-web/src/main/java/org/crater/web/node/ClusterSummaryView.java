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
 * @param queuedTotal how many jobs wait, in all accounts
 * @param queued how many jobs wait in each account's queues: every account for an administrator,
 *     the caller's own accounts for anyone else
 */
@Schema(name = "ClusterSummary")
public record ClusterSummaryView(
    int nodes,
    int usableNodes,
    List<GpuModelView> gpus,
    long queuedTotal,
    Map<String, Long> queued) {}
