package org.crater.ejb.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crater.k8s.common.CraterLabels;

/**
 * Chooses the best-effort jobs to preempt so a guaranteed job fits: the fewest GPU-hours lost first
 * (GPUs held times the time they have run; a job that has not started loses nothing), the newest on
 * ties, and then no victim that is not needed. Pure.
 */
final class VictimPolicy {

  private VictimPolicy() {}

  /** The order victims are taken in: the fewest GPU-hours lost first, the newest on ties. */
  static Comparator<HeldJob> cheapestFirst(Instant now) {
    return Comparator.comparingLong((HeldJob c) -> gpuSecondsLost(c, now))
        .thenComparing(HeldJob::id, Comparator.reverseOrder());
  }

  /**
   * The victims that make room for {@code job}, or an empty list when no choice would do.
   *
   * @param candidates best-effort jobs in {@link #cheapestFirst} order
   */
  static List<HeldJob> choose(Room room, List<HeldJob> candidates, QueuedJob job) {
    List<HeldJob> ordered =
        candidates.stream()
            .filter(c -> room.touches(c.clusterName(), job.gpuModel(), job.perReplica()))
            .toList();
    if (ordered.isEmpty()) {
      return List.of();
    }
    Room.Trial trial = room.trial(job.attemptName(), job.perReplica(), job.gpuModel());
    List<HeldJob> chosen = new ArrayList<>();
    for (HeldJob candidate : ordered) {
      trial.release(candidate.clusterName(), candidate.perReplica());
      chosen.add(candidate);
      if (fits(trial, job)) {
        return prune(trial, chosen, job);
      }
    }
    return List.of();
  }

  /** GPUs held times the seconds they have run. */
  static long gpuSecondsLost(HeldJob job, Instant now) {
    if (job.startedAt() == null) {
      return 0;
    }
    long seconds = Math.max(0, Duration.between(job.startedAt(), now).toSeconds());
    return job.perReplica().get(CraterLabels.GPU) * job.replicas() * Math.max(1, seconds);
  }

  /** Drops, most expensive first, every victim the job fits without. */
  private static List<HeldJob> prune(Room.Trial trial, List<HeldJob> chosen, QueuedJob job) {
    List<HeldJob> kept = new ArrayList<>(chosen);
    for (int i = kept.size() - 2; i >= 0; i--) {
      HeldJob victim = kept.get(i);
      trial.retake(victim.clusterName(), victim.perReplica());
      if (fits(trial, job)) {
        kept.remove(i);
      } else {
        trial.release(victim.clusterName(), victim.perReplica());
      }
    }
    return List.copyOf(kept);
  }

  private static boolean fits(Room.Trial trial, QueuedJob job) {
    return trial.canPlace(job.replicas());
  }
}
