package org.crater.ejb.scheduler;

import java.time.Instant;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;

/**
 * A job admitted to the cluster (Created, Pending or Running): it holds its resources.
 *
 * @param id job id
 * @param attempt the admitted attempt
 * @param ownerId owner
 * @param accountId account
 * @param slo service level; best-effort jobs may be preempted
 * @param perReplica resources of one replica
 * @param replicas replicas
 * @param gpuModel the GPU model asked for, or null
 * @param startedAt when it started running, null while it has not
 */
public record HeldJob(
    long id,
    int attempt,
    long ownerId,
    long accountId,
    Slo slo,
    ResourceVector perReplica,
    int replicas,
    String gpuModel,
    Instant startedAt) {

  public ResourceVector total() {
    return perReplica.times(replicas);
  }

  /** The name shared by the attempt's cluster objects and the prefix of its pods' names. */
  public String clusterName() {
    return WorkloadNames.objectName(id, attempt);
  }
}
