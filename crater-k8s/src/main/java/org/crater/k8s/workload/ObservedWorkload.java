package org.crater.k8s.workload;

import java.time.Instant;
import java.util.List;

/**
 * What the cluster shows for one attempt of a job, read from the informer caches. {@code preempted}
 * is true when the cluster evicted the workload (DisruptionTarget condition, Preempting/Evicted
 * reason, or deleted by someone other than Crater while it held a node); callers then requeue the
 * job instead of failing it.
 *
 * @param jobId job id
 * @param attempt attempt number
 * @param objectName the Pod or Volcano job name
 * @param phase the rolled-up phase
 * @param exitCode the main container's exit code once terminated, else null
 * @param reason machine-readable reason (e.g. Completed, Error, OOMKilled, Preempted), may be null
 * @param message human-readable detail, may be null
 * @param nodeNames nodes the pods are bound to, sorted
 * @param startTime when the first pod started, may be null
 * @param finishTime when it terminated, may be null
 * @param preempted true when the cluster evicted it
 * @param serviceUrl the in-cluster URL (without secret) of an interactive job, else null
 */
public record ObservedWorkload(
    long jobId,
    int attempt,
    String objectName,
    WorkloadPhase phase,
    Integer exitCode,
    String reason,
    String message,
    List<String> nodeNames,
    Instant startTime,
    Instant finishTime,
    boolean preempted,
    String serviceUrl) {

  /** Copies the node list. */
  public ObservedWorkload {
    nodeNames = nodeNames == null ? List.of() : List.copyOf(nodeNames);
  }

  /** The observation for an attempt that has no object in the cluster. */
  public static ObservedWorkload missing(long jobId, int attempt) {
    return new ObservedWorkload(
        jobId,
        attempt,
        WorkloadNames.objectName(jobId, attempt),
        WorkloadPhase.MISSING,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        false,
        null);
  }
}
