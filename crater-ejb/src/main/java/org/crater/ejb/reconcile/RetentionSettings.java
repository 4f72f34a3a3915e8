package org.crater.ejb.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a finished job's cluster objects stay ({@code crater.jobs.retention}, default one day;
 * {@code PT0S}: they go at once) and how much of its log is kept when they go ({@code
 * crater.jobs.kept-log-bytes}, default 1 MiB).
 */
@ApplicationScoped
public class RetentionSettings {

  @Inject
  @ConfigProperty(name = "crater.jobs.retention", defaultValue = "P1D")
  Duration retention;

  @Inject
  @ConfigProperty(name = "crater.jobs.kept-log-bytes", defaultValue = "1048576")
  int keptLogBytes;

  /** The retention the reconciler applies. */
  Retention retention() {
    return new Retention(retention.isNegative() ? Duration.ZERO : retention, keptLogBytes);
  }

  /**
   * The retention of finished jobs' objects.
   *
   * @param after how long after a job finished its objects stay
   * @param keptLogBytes at most this many bytes of its log are kept when they go
   */
  record Retention(Duration after, int keptLogBytes) {

    Retention {
      if (keptLogBytes < 0) {
        throw new IllegalArgumentException("crater.jobs.kept-log-bytes must not be negative");
      }
    }

    /**
     * How long the objects of a job that finished at {@code finishedAt} still stay at {@code now};
     * zero once they may go (also for a job without a finishing time).
     */
    Duration remaining(Instant finishedAt, Instant now) {
      if (finishedAt == null) {
        return Duration.ZERO;
      }
      Duration left = Duration.between(now, finishedAt.plus(after));
      return left.isNegative() ? Duration.ZERO : left;
    }
  }
}
