package org.crater.ejb.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the best-effort jobs to preempt so a guaranteed job fits: the fewest GPU-hours lost first
 * (GPUs held times the time they have run; a job that has not started loses nothing), the newest on
 * ties, and then no victim that is not needed. Pure.
 */
final class VictimPolicy {

  private VictimPolicy() {}

  /** The victims that make room for {@code job}, or an empty list when no choice would do. */
  static List<HeldJob> choose(Room room, List<HeldJob> candidates, QueuedJob job, Instant now) {
    List<HeldJob> ordered =
        candidates.stream()
            .filter(c -> room.touches(c.clusterName(), job.gpuModel(), job.perReplica()))
            .sorted(
                Comparator.comparingLong((HeldJob c) -> gpuSecondsLost(c, now))
                    .thenComparing(HeldJob::id, Comparator.reverseOrder()))
            .toList();
    List<HeldJob> chosen = new ArrayList<>();
    Room trial = room.copy();
    for (HeldJob candidate : ordered) {
      trial.release(candidate.clusterName(), candidate.perReplica());
      chosen.add(candidate);
      if (fits(trial, job)) {
        return prune(room, chosen, job);
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
    return job.total().get(Room.GPU) * Math.max(1, seconds);
  }

  /** Drops, most expensive first, every victim the job fits without. */
  private static List<HeldJob> prune(Room room, List<HeldJob> chosen, QueuedJob job) {
    List<HeldJob> kept = new ArrayList<>(chosen);
    for (int i = kept.size() - 2; i >= 0; i--) {
      List<HeldJob> without = new ArrayList<>(kept);
      without.remove(i);
      Room trial = room.copy();
      without.forEach(v -> trial.release(v.clusterName(), v.perReplica()));
      if (fits(trial, job)) {
        kept = without;
      }
    }
    return List.copyOf(kept);
  }

  private static boolean fits(Room room, QueuedJob job) {
    return room.copy().place("trial", job.perReplica(), job.gpuModel(), job.replicas());
  }
}
