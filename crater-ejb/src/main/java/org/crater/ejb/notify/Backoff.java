package org.crater.ejb.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code base} after the first failure, doubling after each
 * further one up to {@code max}, and not at all once {@code attempts} tries have failed.
 *
 * @param base the wait after the first failure
 * @param max the longest wait
 * @param attempts how many tries in all
 */
public record Backoff(Duration base, Duration max, int attempts) {

  public Backoff {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || attempts < 1) {
      throw new IllegalArgumentException(
          "retries need a positive base, a maximum at least the base and at least one attempt");
    }
  }

  /** The wait before the next try after {@code failed} tries have failed; empty: give up. */
  public Optional<Duration> after(int failed) {
    if (failed >= attempts) {
      return Optional.empty();
    }
    int doublings = Math.min(Math.max(failed - 1, 0), 30);
    Duration wait = base.multipliedBy(1L << doublings);
    return Optional.of(wait.compareTo(max) > 0 || wait.isNegative() ? max : wait);
  }
}
