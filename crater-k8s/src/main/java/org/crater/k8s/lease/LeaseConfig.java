package org.crater.k8s.lease;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing and identity of a leader election. Invariant: {@code leaseDuration > renewDeadline >
 * retryPeriod > 0}, as in client-go: a leader stops leading before any other candidate may take
 * over.
 *
 * @param namespace namespace of the Lease
 * @param name name of the Lease
 * @param identity this candidate's identity (e.g. pod name), unique per replica
 * @param leaseDuration how long a lease is valid after its last renewal
 * @param renewDeadline how long a leader keeps leading without a successful renewal
 * @param retryPeriod how often candidates try to acquire and leaders renew
 */
public record LeaseConfig(
    String namespace,
    String name,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  /** Validates the timing invariant. */
  public LeaseConfig {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (identity == null || identity.isBlank()) {
      throw new IllegalArgumentException("identity must not be blank");
    }
    if (retryPeriod.isZero()
        || retryPeriod.isNegative()
        || renewDeadline.compareTo(retryPeriod) <= 0
        || leaseDuration.compareTo(renewDeadline) <= 0) {
      throw new IllegalArgumentException("need leaseDuration > renewDeadline > retryPeriod > 0");
    }
    if (leaseDuration.toSeconds() < 1) {
      throw new IllegalArgumentException("leaseDuration must be at least one second");
    }
  }

  /** client-go's defaults: 15 s lease, 10 s renew deadline, 2 s retry. */
  public static LeaseConfig defaults(String namespace, String name, String identity) {
    return new LeaseConfig(
        namespace,
        name,
        identity,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }
}
