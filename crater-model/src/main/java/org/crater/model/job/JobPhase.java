package org.crater.model.job;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The phases of a job, named as in Crater v0.1.0, and the one table of allowed moves between them:
 *
 * <pre>
 * Queueing -> Created -> Pending -> Running -> Succeeded | Failed
 * Created | Pending | Running -> Preempted -> Queueing (next attempt)
 * Queueing -> Failed (the cluster refused it); any phase that is not final -> Cancelled
 * </pre>
 */
public enum JobPhase {
  QUEUEING("Queueing"),
  CREATED("Created"),
  PENDING("Pending"),
  RUNNING("Running"),
  PREEMPTED("Preempted"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  CANCELLED("Cancelled");

  private static final Map<JobPhase, Set<JobPhase>> MOVES =
      Map.of(
          QUEUEING, EnumSet.of(CREATED, FAILED, CANCELLED),
          CREATED, EnumSet.of(PENDING, RUNNING, SUCCEEDED, FAILED, PREEMPTED, CANCELLED),
          PENDING, EnumSet.of(RUNNING, SUCCEEDED, FAILED, PREEMPTED, CANCELLED),
          RUNNING, EnumSet.of(SUCCEEDED, FAILED, PREEMPTED, CANCELLED),
          PREEMPTED, EnumSet.of(QUEUEING, CANCELLED),
          SUCCEEDED, EnumSet.noneOf(JobPhase.class),
          FAILED, EnumSet.noneOf(JobPhase.class),
          CANCELLED, EnumSet.noneOf(JobPhase.class));

  private final String label;

  JobPhase(String label) {
    this.label = label;
  }

  /** The v0.1.0 name, e.g. {@code Queueing}. */
  public String label() {
    return label;
  }

  public boolean canMoveTo(JobPhase next) {
    return MOVES.get(this).contains(next);
  }

  public boolean isFinal() {
    return MOVES.get(this).isEmpty();
  }

  /** Phases in which a job's resources count against quota: it exists on the cluster. */
  public boolean holdsQuota() {
    return this == CREATED || this == PENDING || this == RUNNING;
  }
}
