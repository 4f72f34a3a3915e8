package org.crater.k8s.informer;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-item exponential backoff: the n-th consecutive failure of an item waits {@code base *
 * 2^(n-1)}, capped at {@code max}. {@link #forget} resets an item after a success. Thread-safe.
 *
 * @param <T> item type
 */
public final class ExponentialBackoff<T> {

  private final Duration base;
  private final Duration max;
  private final ConcurrentHashMap<T, Integer> failures = new ConcurrentHashMap<>();

  /** Requires {@code 0 < base <= max}. */
  public ExponentialBackoff(Duration base, Duration max) {
    if (base.isZero() || base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max");
    }
    this.base = base;
    this.max = max;
  }

  /** Records one more failure of {@code item} and returns how long it should wait. */
  public Duration when(T item) {
    int n = failures.merge(item, 1, Integer::sum);
    int shift = Math.min(n - 1, 40);
    long nanos = base.toNanos();
    long delay = shift >= 62 || nanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : nanos << shift;
    return delay >= max.toNanos() ? max : Duration.ofNanos(delay);
  }

  /** How many failures of {@code item} are on record. */
  public int failures(T item) {
    return failures.getOrDefault(item, 0);
  }

  /** Clears the failures of {@code item}. */
  public void forget(T item) {
    failures.remove(item);
  }
}
