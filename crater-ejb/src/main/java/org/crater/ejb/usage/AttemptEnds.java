package org.crater.ejb.usage;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.crater.ejb.quota.QuotaCharge;
import org.crater.k8s.common.Quantities;
import org.crater.model.job.Job;
import org.crater.model.job.JobEvent;
import org.crater.model.job.JobPhase;
import org.crater.model.quota.ResourceVector;
import org.crater.model.usage.AttemptResources;
import org.crater.model.usage.AttemptUsage;
import org.crater.model.usage.DaySlice;

/**
 * Records what an attempt used when it ends. An attempt ends when its job leaves the phases that
 * hold resources (created, pending, running) for a final phase or for preempted; it used its
 * resources from its containers' start ({@link Job#getStartedAt()}) to the time of that move (the
 * containers' finish for a finished job, the preemption or cancellation otherwise). An attempt that
 * never started used nothing. Every place that moves a job calls {@link #record} with the move, in
 * the same transaction.
 */
public final class AttemptEnds {

  private static final long MIB = 1L << 20;

  private AttemptEnds() {}

  /** Persists what the attempt used, when {@code move} ends it; nothing otherwise. */
  public static void record(EntityManager em, Job job, JobEvent move) {
    usageOf(job, move).forEach(em::persist);
  }

  /** What the attempt ended by {@code move} used, one row per day; empty when none. */
  static List<AttemptUsage> usageOf(Job job, JobEvent move) {
    Instant started = job.getStartedAt();
    if (!endsAttempt(move) || started == null) {
      return List.of();
    }
    AttemptResources resources = resourcesOf(job.total());
    return DaySlice.split(started, move.getAt(), AttemptUsage.ZONE).stream()
        .map(slice -> new AttemptUsage(job, move.getTo(), slice, resources))
        .toList();
  }

  /** From a phase that holds resources to preempted or to the end. */
  static boolean endsAttempt(JobEvent move) {
    JobPhase from = move.getFrom();
    JobPhase to = move.getTo();
    return from != null && from.holdsQuota() && (to == JobPhase.PREEMPTED || to.isFinal());
  }

  /** GPUs, CPU and memory of the whole attempt; memory rounded up to whole MiB. */
  static AttemptResources resourcesOf(ResourceVector total) {
    long bytes = total.get(Quantities.MEMORY);
    return new AttemptResources(
        total.get(QuotaCharge.GPU), total.get(Quantities.CPU), (bytes + MIB - 1) / MIB);
  }
}
