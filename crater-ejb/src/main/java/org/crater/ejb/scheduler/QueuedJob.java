package org.crater.ejb.scheduler;

import java.time.Instant;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;

/**
 * A job waiting in its owner's queue, as the scheduler needs it.
 *
 * @param id job id
 * @param attempt the attempt that would be admitted
 * @param ownerId owner
 * @param accountId account the job runs in
 * @param slo service level
 * @param perReplica resources of one replica
 * @param replicas replicas, all placed at once
 * @param gpuModel the GPU model asked for, or null for any
 * @param submittedAt queue order within the owner's queue
 */
public record QueuedJob(
    long id,
    int attempt,
    long ownerId,
    long accountId,
    Slo slo,
    ResourceVector perReplica,
    int replicas,
    String gpuModel,
    Instant submittedAt) {

  public ResourceVector total() {
    return perReplica.times(replicas);
  }

  /** The name of the attempt's cluster objects, as the room places it. */
  public String attemptName() {
    return WorkloadNames.objectName(id, attempt);
  }
}
