package org.crater.ejb.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.crater.model.policy.PolicyLimits;

/** Checks a policy as written and turns it into limits; pure. */
public final class PolicyRules {

  /** The longest limit a policy may set, so that deadlines stay far inside the calendar. */
  static final Duration LONGEST = Duration.ofDays(3650);

  private PolicyRules() {}

  /**
   * The limits {@code input} asks for.
   *
   * @throws InvalidPolicyException naming every field that is wrong
   */
  public static PolicyLimits limits(PolicyInput input) {
    Map<String, String> errors = new TreeMap<>();
    Duration batch = duration("batchMaxRunTime", input.batchMaxRunTime(), errors);
    Duration interactive = duration("interactiveMaxRunTime", input.interactiveMaxRunTime(), errors);
    Duration warning = duration("runTimeWarningBefore", input.runTimeWarningBefore(), errors);
    Duration window = duration("idleWindow", input.idleWindow(), errors);
    Duration grace = duration("idleGrace", input.idleGrace(), errors);
    Duration queue = duration("maxQueueTime", input.maxQueueTime(), errors);
    Double percent = input.idleThresholdPercent();
    if (percent != null && !(percent > 0 && percent <= 100)) {
      errors.put("idleThresholdPercent", "must be more than 0 and at most 100");
    }
    boolean anyIdle = percent != null || input.idleWindow() != null || input.idleGrace() != null;
    if (anyIdle) {
      requireSet("idleThresholdPercent", percent, errors);
      requireSet("idleWindow", input.idleWindow(), errors);
      requireSet("idleGrace", input.idleGrace(), errors);
    }
    boolean cancel = Boolean.TRUE.equals(input.cancelAfterQueueTime());
    if (cancel && input.maxQueueTime() == null) {
      errors.put("maxQueueTime", "must be set when cancelAfterQueueTime is true");
    }
    Integer hours = input.autoApproveHours();
    if (hours != null && hours < 0) {
      errors.put("autoApproveHours", "must not be negative");
    }
    if (!errors.isEmpty()) {
      throw new InvalidPolicyException("invalid-policy", "The policy is not valid.", errors);
    }
    return new PolicyLimits(
        batch, interactive, warning, percent, window, grace, queue, cancel, hours);
  }

  private static void requireSet(String field, Object value, Map<String, String> errors) {
    if (value == null) {
      errors.putIfAbsent(
          field, "idle reclamation needs idleThresholdPercent, idleWindow and idleGrace");
    }
  }

  private static Duration duration(String field, String text, Map<String, String> errors) {
    if (text == null) {
      return null;
    }
    try {
      Duration duration = Duration.parse(text);
      if (duration.isNegative() || duration.isZero() || duration.getNano() != 0) {
        errors.put(field, "must be a positive whole number of seconds, e.g. PT2H");
        return null;
      }
      if (duration.compareTo(LONGEST) > 0) {
        errors.put(field, "must be at most P3650D");
        return null;
      }
      return duration;
    } catch (DateTimeParseException e) {
      errors.put(field, "must be an ISO-8601 duration, e.g. PT2H or P1DT12H");
      return null;
    }
  }
}
