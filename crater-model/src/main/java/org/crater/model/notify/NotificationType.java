package org.crater.model.notify;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.crater.model.job.JobPhase;
import org.crater.model.job.PolicyReason;

/**
 * The moves of a job its owner is told about, and which move of the timeline is which: the one home
 * of that mapping. A move into a phase counts only when the phase changes (archiving a finished
 * job, which keeps its phase, is no news); a policy's reason counts by its effect.
 */
public enum NotificationType {
  STARTED("started running"),
  FINISHED("finished"),
  FAILED("failed"),
  PREEMPTED("was preempted"),
  WARNED("was warned by a policy"),
  STOPPED("was stopped by a policy"),
  EXTENSION_DECIDED("had its extension request decided");

  private final String verb;

  NotificationType(String verb) {
    this.verb = verb;
  }

  /** How a title says it: {@code Job 42 (train) finished}. */
  public String verb() {
    return verb;
  }

  /** The phases whose entry may be news, for queries that pre-select events. */
  public static Set<JobPhase> phases() {
    return EnumSet.of(JobPhase.RUNNING, JobPhase.SUCCEEDED, JobPhase.FAILED, JobPhase.PREEMPTED);
  }

  /** The notification a move of a job's timeline makes, if any. */
  public static Optional<NotificationType> of(JobPhase from, JobPhase to, String reason) {
    Optional<PolicyReason> policy = PolicyReason.ofCode(reason);
    if (policy.isPresent()) {
      return switch (policy.get().effect()) {
        case WARNING -> Optional.of(WARNED);
        case STOP -> Optional.of(STOPPED);
        case EXTENSION_DECISION -> Optional.of(EXTENSION_DECIDED);
        case EXTENSION_REQUEST -> Optional.empty();
      };
    }
    if (from == to || to == null) {
      return Optional.empty();
    }
    return switch (to) {
      case RUNNING -> Optional.of(STARTED);
      case SUCCEEDED -> Optional.of(FINISHED);
      case FAILED -> Optional.of(FAILED);
      case PREEMPTED -> Optional.of(PREEMPTED);
      default -> Optional.empty();
    };
  }

  /** Whether the channel tells of this type unless the user chose otherwise. */
  public boolean onByDefault(Channel channel) {
    return switch (channel) {
      case IN_API -> true;
      case EMAIL -> this == FAILED || this == PREEMPTED || this == WARNED || this == STOPPED;
      case WEBHOOK -> false;
    };
  }
}
