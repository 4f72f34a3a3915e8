package org.crater.ejb.policy;

import java.time.Instant;
import org.crater.model.job.PolicyReason;

/**
 * One thing a policy check does to a job: a warning, a stop, or forgetting an idle warning once the
 * job is busy again.
 *
 * @param reason the warning's or stop's code; {@code null} for forgetting the idle warning
 * @param message what the owner reads in the timeline
 * @param deadline the run-time deadline a run-time warning is about; {@code null} otherwise
 */
public record PolicyAction(PolicyReason reason, String message, Instant deadline) {

  static final PolicyAction IDLE_CLEARED = new PolicyAction(null, null, null);

  /** Whether it ends the job. */
  public boolean stops() {
    return reason != null && reason.effect() == PolicyReason.Effect.STOP;
  }
}
