package org.crater.web.policy;

import java.time.Duration;
import java.time.Instant;
import org.crater.ejb.policy.AppliedPolicy;
import org.crater.model.policy.PolicyLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A policy as read: the limits (null: off; durations ISO-8601), whose it is and its state.
 *
 * @param account the account whose own policy it is; absent for the cluster default
 * @param idleReclamation {@code on}, {@code off} (no idle limits set) or {@code unavailable} (idle
 *     limits set, but no source of GPU utilisation is configured: no job is stopped as idle)
 * @param updatedAt when it was last changed
 * @param updatedBy who changed it last
 */
@Schema(name = "Policy")
public record PolicyView(
    String account,
    String batchMaxRunTime,
    String interactiveMaxRunTime,
    String runTimeWarningBefore,
    Double idleThresholdPercent,
    String idleWindow,
    String idleGrace,
    String maxQueueTime,
    boolean cancelAfterQueueTime,
    Integer autoApproveHours,
    String idleReclamation,
    Instant updatedAt,
    String updatedBy) {

  static PolicyView of(AppliedPolicy policy) {
    PolicyLimits limits = policy.limits();
    return new PolicyView(
        policy.account(),
        text(limits.batchMaxRun()),
        text(limits.interactiveMaxRun()),
        text(limits.runWarning()),
        limits.idlePercent(),
        text(limits.idleWindow()),
        text(limits.idleGrace()),
        text(limits.maxQueue()),
        limits.cancelAfterQueue(),
        limits.autoApproveHours(),
        policy.idleReclamation(),
        policy.updatedAt(),
        policy.updatedBy());
  }

  private static String text(Duration duration) {
    return duration == null ? null : duration.toString();
  }
}
