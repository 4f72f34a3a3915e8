package org.crater.web.job;

import java.time.Instant;
import org.crater.model.job.JobPhase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One move in a job's timeline.
 *
 * @param at when
 * @param from the phase before (absent for the submission)
 * @param to the phase after
 * @param reason why, as a stable code
 * @param message why, for people
 * @param actor who or what moved it
 */
@Schema(name = "JobEvent")
public record JobEventView(
    Instant at, JobPhase from, JobPhase to, String reason, String message, String actor) {}
