package org.crater.ejb.policy;

import java.time.Instant;
import org.crater.model.job.JobPhase;

/**
 * What the policy checks need to know of a job.
 *
 * @param id the job
 * @param attempt its current attempt
 * @param phase its phase
 * @param interactive whether its kind is interactive (the interactive run-time limit applies)
 * @param gpus GPUs per replica; a job without GPUs is never idle
 * @param replicas how many pods its attempt has
 * @param startedAt when its current attempt started running; {@code null} before
 * @param queuedSince when it last entered its queue (submission or requeue)
 * @param approvedHours extension hours approved for it
 */
public record JobFacts(
    long id,
    int attempt,
    JobPhase phase,
    boolean interactive,
    long gpus,
    int replicas,
    Instant startedAt,
    Instant queuedSince,
    long approvedHours) {}
