package org.crater.ejb.policy;

/**
 * A policy as an administrator writes it: durations as ISO-8601 text ({@code PT2H}); every field
 * may be {@code null} (that limit is off).
 */
public record PolicyInput(
    String batchMaxRunTime,
    String interactiveMaxRunTime,
    String runTimeWarningBefore,
    Double idleThresholdPercent,
    String idleWindow,
    String idleGrace,
    String maxQueueTime,
    Boolean cancelAfterQueueTime,
    Integer autoApproveHours) {}
