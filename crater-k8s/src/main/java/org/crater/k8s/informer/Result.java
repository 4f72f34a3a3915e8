package org.crater.k8s.informer;

import java.time.Duration;

/**
 * What a reconcile asks of the queue: nothing more ({@link #done()}), a rate-limited retry ({@link
 * #requeue()}), or a retry after a fixed delay ({@link #retryAfter}).
 *
 * @param requeue whether to process the request again
 * @param after fixed delay; zero means use the queue's backoff
 */
public record Result(boolean requeue, Duration after) {

  private static final Result DONE = new Result(false, Duration.ZERO);
  private static final Result REQUEUE = new Result(true, Duration.ZERO);

  /** Rejects a negative delay. */
  public Result {
    if (after == null || after.isNegative()) {
      throw new IllegalArgumentException("after must be >= 0");
    }
  }

  /** Finished; forget the request's backoff. */
  public static Result done() {
    return DONE;
  }

  /** Try again after the request's next backoff delay. */
  public static Result retry() {
    return REQUEUE;
  }

  /** Try again after {@code delay}, e.g. to re-check a running job. */
  public static Result retryAfter(Duration delay) {
    return new Result(true, delay);
  }
}
