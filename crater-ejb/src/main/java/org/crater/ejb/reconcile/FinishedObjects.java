package org.crater.ejb.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.SortedSet;
import java.util.logging.Logger;
import org.crater.ejb.reconcile.RetentionSettings.Retention;
import org.crater.k8s.common.ClusterException;
import org.crater.k8s.common.ClusterUnavailableException;
import org.crater.k8s.gateway.LogTail;
import org.crater.k8s.informer.Result;

/**
 * Removes a finished job's cluster objects once its retention has passed, keeping the tail of its
 * log in the database first. Idempotent: the tail is kept once, deleting twice is fine, and a job
 * whose objects are gone needs nothing. Driven by the job's finishing time, so a restart or a new
 * leader carries on where it was.
 */
final class FinishedObjects {

  /** Waits longer than this are left to the periodic resync, which looks at every such job. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(FinishedObjects.class.getName());

  private final AttemptObjects objects;
  private final KeptLogs logs;
  private final Retention retention;
  private final Clock clock;

  FinishedObjects(AttemptObjects objects, KeptLogs logs, Retention retention, Clock clock) {
    this.objects = objects;
    this.logs = logs;
    this.retention = retention;
    this.clock = clock;
  }

  /** Brings the objects of a job that has finished (succeeded or failed) in line. */
  Result reconcile(JobState job, long epoch) {
    SortedSet<Integer> attempts = objects.attempts(job.id());
    if (attempts.isEmpty()) {
      return Result.done();
    }
    Duration left = retention.remaining(job.finishedAt(), clock.instant());
    if (!left.isZero()) {
      return left.compareTo(LONGEST_WAIT) <= 0 ? Result.retryAfter(left) : Result.done();
    }
    if (!logs.has(job.id())) {
      logs.keep(job.id(), job.attempt(), tail(job), clock.instant(), epoch);
    }
    for (int attempt : attempts) {
      objects.delete(job.id(), attempt);
    }
    LOG.info(() -> "retention over job=" + job.id() + " objects deleted, log kept");
    return Result.done();
  }

  private LogTail tail(JobState job) {
    try {
      return objects.readLogTail(job.id(), job.attempt(), retention.keptLogBytes());
    } catch (ClusterUnavailableException e) {
      throw e;
    } catch (ClusterException e) {
      // No log to read (the container never started, or its pod is gone): nothing to keep.
      LOG.info(() -> "no log to keep job=" + job.id() + " cause=" + e.getMessage());
      return LogTail.EMPTY;
    }
  }
}
