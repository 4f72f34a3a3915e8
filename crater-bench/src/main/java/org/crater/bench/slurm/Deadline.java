package org.crater.bench.slurm;

import java.time.Duration;

/** A moment on the monotonic clock that a phase of a run must not pass. */
record Deadline(long atNanos) {
  static Deadline in(Duration duration) {
    return new Deadline(System.nanoTime() + duration.toNanos());
  }

  Deadline minus(Duration duration) {
    return new Deadline(atNanos - duration.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - atNanos >= 0;
  }

  /** {@code timeout}, shortened so that it ends by this deadline; at least one millisecond. */
  Duration cap(Duration timeout) {
    long left = Math.max(atNanos - System.nanoTime(), 1_000_000L);
    return Duration.ofNanos(Math.min(timeout.toNanos(), left));
  }
}
