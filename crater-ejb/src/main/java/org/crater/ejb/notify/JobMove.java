package org.crater.ejb.notify;

import java.time.Instant;
import org.crater.model.job.JobPhase;

/**
 * A move of a job's timeline that may be news to its owner, with what a notification needs.
 *
 * @param eventId the job event's id
 * @param at when the move happened
 * @param jobId the job
 * @param jobName its name
 * @param ownerId its owner
 * @param owner the owner's user name
 * @param email the owner's address, if they gave one
 * @param from the phase before, null for a submission
 * @param to the phase after
 * @param reason the move's reason code
 * @param message the move's message, if any
 */
public record JobMove(
    long eventId,
    Instant at,
    long jobId,
    String jobName,
    long ownerId,
    String owner,
    String email,
    JobPhase from,
    JobPhase to,
    String reason,
    String message) {}
