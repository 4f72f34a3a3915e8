package org.crater.ejb.node;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.model.quota.ResourceVector;

/**
 * One node as Crater reports it. Invariant: {@code podCount} and {@code jobCount} count every pod
 * and Crater job on the node, while {@code pods} and {@code jobs} may be cut down to what the
 * reader may see ({@link #seenBy}).
 *
 * @param name the node name
 * @param ready whether the kubelet reports Ready
 * @param schedulable whether new pods may land there (not cordoned)
 * @param gpuModel the GPU product label, or {@code null} for CPU-only nodes
 * @param capacity what the node has
 * @param allocatable what pods may use
 * @param allocated what the pods on it request
 * @param free allocatable minus allocated, never negative
 * @param podCount how many pods are bound to it
 * @param jobCount how many Crater jobs have pods on it
 * @param pods pods bound to it, {@code namespace/name}
 * @param jobs ids of Crater jobs with pods on it, ascending
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
    int podCount,
    int jobCount,
    List<String> pods,
    List<Long> jobs) {

  /** The same node with only the pods and ids of the jobs in {@code ownJobs}; counts stay. */
  public NodeInfo seenBy(Set<Long> ownJobs) {
    return new NodeInfo(
        name,
        ready,
        schedulable,
        gpuModel,
        capacity,
        allocatable,
        allocated,
        free,
        podCount,
        jobCount,
        pods.stream().filter(pod -> isOf(pod, ownJobs)).toList(),
        jobs.stream().filter(ownJobs::contains).toList());
  }

  private static boolean isOf(String pod, Set<Long> ownJobs) {
    OptionalLong id = jobOf(pod);
    return id.isPresent() && ownJobs.contains(id.getAsLong());
  }

  /** The Crater job a pod ({@code namespace/name}) belongs to, if any. */
  static OptionalLong jobOf(String pod) {
    return WorkloadNames.jobIdOfPod(pod.substring(pod.indexOf('/') + 1));
  }
}
