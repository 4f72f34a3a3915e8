package org.crater.web.policy;

import jakarta.validation.constraints.Size;
import org.crater.ejb.policy.PolicyInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A policy as written by an administrator; every field may be absent or null (that limit is off).
 *
 * @param batchMaxRunTime longest run of a job that is not interactive, per attempt (ISO-8601)
 * @param interactiveMaxRunTime longest run of a notebook or WebIDE, per attempt (ISO-8601)
 * @param runTimeWarningBefore how long before the run-time deadline the owner is warned (ISO-8601;
 *     absent: a tenth of the limit)
 * @param idleThresholdPercent a job whose GPUs all stay below this mean utilisation over the idle
 *     window is idle (more than 0, at most 100)
 * @param idleWindow the window the mean GPU utilisation is taken over (ISO-8601)
 * @param idleGrace how long after the idle warning an idle job is stopped (ISO-8601)
 * @param maxQueueTime longest wait in the queue before the owner is warned (ISO-8601)
 * @param cancelAfterQueueTime cancel a job that waited maxQueueTime instead of warning its owner
 * @param autoApproveHours extension hours approved without an administrator, in total per job
 */
@Schema(name = "PolicyRequest")
public record PolicyRequest(
    @Schema(example = "P3D") @Size(max = 64) String batchMaxRunTime,
    @Schema(example = "PT12H") @Size(max = 64) String interactiveMaxRunTime,
    @Schema(example = "PT1H") @Size(max = 64) String runTimeWarningBefore,
    @Schema(example = "5") Double idleThresholdPercent,
    @Schema(example = "PT2H") @Size(max = 64) String idleWindow,
    @Schema(example = "PT1H") @Size(max = 64) String idleGrace,
    @Schema(example = "P2D") @Size(max = 64) String maxQueueTime,
    Boolean cancelAfterQueueTime,
    @Schema(example = "4") Integer autoApproveHours) {

  PolicyInput input() {
    return new PolicyInput(
        batchMaxRunTime,
        interactiveMaxRunTime,
        runTimeWarningBefore,
        idleThresholdPercent,
        idleWindow,
        idleGrace,
        maxQueueTime,
        cancelAfterQueueTime,
        autoApproveHours);
  }
}
