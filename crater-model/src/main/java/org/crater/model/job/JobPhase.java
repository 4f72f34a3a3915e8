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

  /** The phases in which a job holds its resources: it exists on the cluster. */
  private static final Set<JobPhase> HOLDING = EnumSet.of(CREATED, PENDING, RUNNING);

  /** The phases the scheduler keeps in its book: waiting for admission or holding resources. */
  private static final Set<JobPhase> SCHEDULED = EnumSet.of(QUEUEING, CREATED, PENDING, RUNNING);

  /** The phases whose cluster objects may still need work: holding resources or preempted. */
  private static final Set<JobPhase> ON_CLUSTER = EnumSet.of(CREATED, PENDING, RUNNING, PREEMPTED);

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

  /**
   * Whether a job in this phase holds its resources: it exists on the cluster. A guaranteed job's
   * count against quota, a best-effort job's are room it takes beyond quota.
   */
  public boolean holdsQuota() {
    return HOLDING.contains(this);
  }

  /** The phases that hold resources (see {@link #holdsQuota()}), for queries. */
  public static Set<JobPhase> holding() {
    return EnumSet.copyOf(HOLDING);
  }

  /** The phases the scheduler keeps in its book: queued or holding resources, for queries. */
  public static Set<JobPhase> scheduled() {
    return EnumSet.copyOf(SCHEDULED);
  }

  /**
   * The phases whose cluster objects may need work (created, deleted or observed): holding
   * resources or preempted, for queries.
   */
  public static Set<JobPhase> onCluster() {
    return EnumSet.copyOf(ON_CLUSTER);
  }
}
