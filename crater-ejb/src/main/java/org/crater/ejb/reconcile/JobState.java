package org.crater.ejb.reconcile;

import java.time.Instant;
import org.crater.model.job.JobPhase;

/**
 * A job as the reconciler needs it, read in a short transaction of its own.
 *
 * @param id job id
 * @param phase current phase
 * @param attempt current attempt
 * @param finishedAt when it ended; null before
 */
record JobState(long id, JobPhase phase, int attempt, Instant finishedAt) {

  /**
   * True when the current attempt's objects should exist (finished ones stay for their retention:
   * {@link FinishedObjects}).
   */
  boolean keepsObjects() {
    return switch (phase) {
      case CREATED, PENDING, RUNNING, SUCCEEDED, FAILED -> true;
      case QUEUEING, PREEMPTED, CANCELLED -> false;
    };
  }

  /** Whether a job in {@code phase} has finished and its objects are kept for their retention. */
  static boolean finished(JobPhase phase) {
    return phase == JobPhase.SUCCEEDED || phase == JobPhase.FAILED;
  }
}
