package org.crater.ejb.scheduler;

import java.time.Instant;
import org.crater.model.job.JobPhase;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;

/**
 * What the scheduler reads of a job, in any phase.
 *
 * @param id job id
 * @param attempt current attempt
 * @param ownerId owner
 * @param accountId account
 * @param slo service level
 * @param perReplica resources of one replica
 * @param replicas replicas
 * @param gpuModel GPU model, or null
 * @param submittedAt submission time
 * @param startedAt start of the current attempt, or null
 * @param phase current phase
 */
public record JobRow(
    long id,
    int attempt,
    long ownerId,
    long accountId,
    Slo slo,
    ResourceVector perReplica,
    int replicas,
    String gpuModel,
    Instant submittedAt,
    Instant startedAt,
    JobPhase phase) {

  QueuedJob queued() {
    return new QueuedJob(
        id, attempt, ownerId, accountId, slo, perReplica, replicas, gpuModel, submittedAt);
  }

  HeldJob held() {
    return new HeldJob(
        id, attempt, ownerId, accountId, slo, perReplica, replicas, gpuModel, startedAt);
  }
}
