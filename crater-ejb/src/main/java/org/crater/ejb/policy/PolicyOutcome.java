package org.crater.ejb.policy;

import java.time.Duration;
import java.util.List;

/**
 * What a check did to one job.
 *
 * @param actions the warnings and stops recorded (empty: nothing was due)
 * @param gpus the GPUs the job held (per replica times replicas)
 * @param idleHeld for an idle stop, how long its GPUs had been idle (the window and the time since
 *     the warning); zero otherwise
 */
public record PolicyOutcome(List<PolicyAction> actions, long gpus, Duration idleHeld) {

  static final PolicyOutcome NOTHING = new PolicyOutcome(List.of(), 0, Duration.ZERO);

  /** The GPU-hours an idle stop gave back: the idle time its GPUs were held. */
  public double reclaimedGpuHours() {
    return gpus * idleHeld.toSeconds() / 3600.0;
  }
}
