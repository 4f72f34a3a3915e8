package org.crater.ejb.reconcile;

import org.crater.model.job.JobPhase;

/**
 * A job as the reconciler needs it, read in a short transaction of its own.
 *
 * @param id job id
 * @param phase current phase
 * @param attempt current attempt
 */
record JobState(long id, JobPhase phase, int attempt) {

  /** True when the current attempt's objects should exist (finished ones stay for their logs). */
  boolean keepsObjects() {
    return switch (phase) {
      case CREATED, PENDING, RUNNING, SUCCEEDED, FAILED -> true;
      case QUEUEING, PREEMPTED, CANCELLED -> false;
    };
  }
}
