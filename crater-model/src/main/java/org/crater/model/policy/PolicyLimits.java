package org.crater.model.policy;

import java.time.Duration;

/**
 * The limits of one policy; every one of them may be off ({@code null}).
 *
 * @param batchMaxRun longest run of a job that is not interactive, per attempt
 * @param interactiveMaxRun longest run of an interactive job (a notebook, a WebIDE), per attempt
 * @param runWarning how long before its run-time deadline the owner is warned; {@code null}: a
 *     tenth of the limit
 * @param idlePercent a job whose GPUs all stay below this mean utilisation over {@code idleWindow}
 *     is idle
 * @param idleWindow the window the mean utilisation is taken over
 * @param idleGrace how long after the idle warning an idle job is stopped
 * @param maxQueue longest wait in the queue before the owner is warned (or the job is cancelled)
 * @param cancelAfterQueue whether a job that waited {@code maxQueue} is cancelled instead of warned
 * @param autoApproveHours extension hours approved without an administrator, in total per job
 */
public record PolicyLimits(
    Duration batchMaxRun,
    Duration interactiveMaxRun,
    Duration runWarning,
    Double idlePercent,
    Duration idleWindow,
    Duration idleGrace,
    Duration maxQueue,
    boolean cancelAfterQueue,
    Integer autoApproveHours) {

  /** Every limit off: the cluster default until an administrator sets one. */
  public static final PolicyLimits NONE =
      new PolicyLimits(null, null, null, null, null, null, null, false, null);

  /** The run-time limit of a job of this kind, or {@code null} when it has none. */
  public Duration maxRun(boolean interactive) {
    return interactive ? interactiveMaxRun : batchMaxRun;
  }

  /** How long before the deadline of a run limited to {@code limit} its owner is warned. */
  public Duration warningBefore(Duration limit) {
    return runWarning != null ? runWarning : limit.dividedBy(10);
  }

  /** Whether idle reclamation is on in this policy (threshold, window and grace all set). */
  public boolean idleReclamation() {
    return idlePercent != null && idleWindow != null && idleGrace != null;
  }
}
