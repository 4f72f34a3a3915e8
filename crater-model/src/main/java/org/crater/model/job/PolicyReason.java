package org.crater.model.job;

import java.util.Optional;

/**
 * The reasons a job's timeline records for what the cluster's policies did to it (idle reclamation,
 * run-time and queueing-time limits, extension requests). One home for these codes: the policy
 * checks write them, notifications and views read them.
 */
public enum PolicyReason {
  /** The job's GPUs have been idle for the policy's window; it will be stopped after the grace. */
  IDLE_WARNING("IdleWarning", Effect.WARNING),
  /** The job's run time is close to its limit. */
  RUN_TIME_WARNING("RunTimeWarning", Effect.WARNING),
  /** The job has waited in its queue longer than the policy's limit. */
  QUEUE_TIME_WARNING("QueueTimeWarning", Effect.WARNING),
  /** Stopped: its GPUs stayed idle through the grace period. */
  IDLE_RECLAIMED("IdleReclaimed", Effect.STOP),
  /** Stopped: it ran past its limit (and its approved extensions). */
  RUN_TIME_EXCEEDED("RunTimeExceeded", Effect.STOP),
  /** Cancelled: it waited in its queue past the limit and the policy cancels such jobs. */
  QUEUE_TIME_EXCEEDED("QueueTimeExceeded", Effect.STOP),
  /** The owner asked for more time. */
  EXTENSION_REQUESTED("ExtensionRequested", Effect.EXTENSION_REQUEST),
  /** More time was granted (by an admin or by the account's auto-approval limit). */
  EXTENSION_APPROVED("ExtensionApproved", Effect.EXTENSION_DECISION),
  /** The request for more time was refused. */
  EXTENSION_REJECTED("ExtensionRejected", Effect.EXTENSION_DECISION);

  /** What a reason means to the job's owner. */
  public enum Effect {
    WARNING,
    STOP,
    EXTENSION_REQUEST,
    EXTENSION_DECISION
  }

  private final String code;
  private final Effect effect;

  PolicyReason(String code, Effect effect) {
    this.code = code;
    this.effect = effect;
  }

  /** The code stored as the event's reason, e.g. {@code IdleWarning}. */
  public String code() {
    return code;
  }

  public Effect effect() {
    return effect;
  }

  /** The reason whose code this is, if it is a policy's. */
  public static Optional<PolicyReason> ofCode(String code) {
    for (PolicyReason reason : values()) {
      if (reason.code.equals(code)) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }
}
