package org.crater.ejb.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.model.job.Job;
import org.crater.model.job.JobEvent;
import org.crater.model.job.JobPhase;

/**
 * Moves a job that holds its resources (Created, Pending, Running) to what the cluster shows for
 * its current attempt. Pure apart from the job it moves; returns the events to record (none when
 * nothing changed). Eviction by the cluster, a lost node and a vanished object all preempt the job
 * (it runs again as the next attempt); a missing object of a Created job is left to be created.
 * Start and finish are the times the cluster reports for the containers, not when Crater noticed.
 */
final class Observations {

  static final String ACTOR = "cluster";

  private Observations() {}

  static List<JobEvent> apply(Job job, ObservedWorkload seen, Instant now) {
    JobPhase phase = job.getPhase();
    List<JobEvent> events = new ArrayList<>();
    if (!phase.holdsQuota() || seen.attempt() != job.getAttempt()) {
      return events;
    }
    if (seen.preempted() || "NodeLost".equals(seen.reason())) {
      events.add(
          job.preempt(
              seen.reason() == null ? "Preempted" : seen.reason(), seen.message(), ACTOR, now));
      return events;
    }
    switch (seen.phase()) {
      case MISSING -> {
        if (phase != JobPhase.CREATED) {
          events.add(job.preempt("Vanished", "its cluster objects disappeared", ACTOR, now));
        }
      }
      case PENDING -> {
        if (phase == JobPhase.CREATED) {
          events.add(job.markPending("Pending", seen.message(), ACTOR, now));
        }
      }
      case RUNNING -> {
        if (phase != JobPhase.RUNNING) {
          events.add(job.markRunning(nodes(seen), ACTOR, at(seen.startTime(), now)));
        }
      }
      case SUCCEEDED, FAILED -> {
        if (phase != JobPhase.RUNNING && seen.startTime() != null) {
          events.add(job.markRunning(nodes(seen), ACTOR, seen.startTime()));
        }
        events.add(finish(job, seen, at(seen.finishTime(), now)));
      }
    }
    return events;
  }

  private static JobEvent finish(Job job, ObservedWorkload seen, Instant now) {
    if (seen.phase() == WorkloadPhase.SUCCEEDED) {
      return job.finish(0, reason(seen, "Completed"), seen.message(), ACTOR, now);
    }
    if (seen.exitCode() == null || seen.exitCode() == 0) {
      return job.fail(reason(seen, "Failed"), seen.message(), ACTOR, now);
    }
    return job.finish(seen.exitCode(), reason(seen, "Error"), seen.message(), ACTOR, now);
  }

  /** The cluster's time of a move, or now when it gives none (or one ahead of this clock). */
  private static Instant at(Instant reported, Instant now) {
    return reported == null || reported.isAfter(now) ? now : reported;
  }

  private static String reason(ObservedWorkload seen, String fallback) {
    return seen.reason() == null ? fallback : seen.reason();
  }

  private static String nodes(ObservedWorkload seen) {
    String joined = String.join(",", seen.nodeNames());
    return joined.length() > 1024 ? joined.substring(0, 1024) : joined;
  }
}
