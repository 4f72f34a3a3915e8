package org.crater.ejb.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.model.account.Account;
import org.crater.model.job.Job;
import org.crater.model.job.JobEvent;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobPhase;
import org.crater.model.job.JobRequest;
import org.crater.model.job.Slo;
import org.crater.model.job.TaskType;
import org.crater.model.quota.ResourceVector;
import org.crater.model.user.PlatformRole;
import org.crater.model.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservationsTest {

  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  static Job jobIn(JobPhase phase) {
    User alice = new User("alice", "Alice", null, "hash", PlatformRole.USER, NOW);
    Account lab = new Account("lab", "Lab", NOW);
    JobRequest request =
        new JobRequest(
            "train",
            JobKind.BATCH,
            TaskType.TRAINING,
            Slo.BEST_EFFORT,
            "pytorch/pytorch:2.4",
            List.of("python", "train.py"),
            List.of(),
            Map.of(),
            null,
            ResourceVector.of(Map.of("cpu", 4000L, "nvidia.com/gpu", 1L)),
            "A100",
            1,
            List.of(),
            null);
    Job job = new Job(alice, lab, request, NOW);
    job.admit("scheduler", NOW);
    if (phase == JobPhase.PENDING || phase == JobPhase.RUNNING) {
      job.markPending("Pending", null, "cluster", NOW);
    }
    if (phase == JobPhase.RUNNING) {
      job.markRunning("node-0", "cluster", NOW);
    }
    return job;
  }

  static ObservedWorkload seen(
      WorkloadPhase phase, boolean preempted, String reason, Integer exitCode) {
    Instant started = phase == WorkloadPhase.MISSING || phase == WorkloadPhase.PENDING ? null : NOW;
    return new ObservedWorkload(
        0,
        1,
        "crater-0-1",
        phase,
        exitCode,
        reason,
        null,
        List.of("node-0"),
        started,
        null,
        preempted,
        null);
  }

  @ParameterizedTest(name = "{0} + {1} (preempted={2}, reason={3}, exit={4}) -> {5}")
  @CsvSource(
      nullValues = "-",
      value = {
        "CREATED, PENDING,   false, -,         -, PENDING,   Pending",
        "CREATED, RUNNING,   false, -,         -, RUNNING,   Started",
        "PENDING, RUNNING,   false, -,         -, RUNNING,   Started",
        "RUNNING, SUCCEEDED, false, Completed, 0, SUCCEEDED, Completed",
        "CREATED, SUCCEEDED, false, -,         0, SUCCEEDED, Started;Completed",
        "RUNNING, FAILED,    false, Error,     3, FAILED,    Error",
        "RUNNING, FAILED,    false, OOMKilled, 137, FAILED,  OOMKilled",
        "RUNNING, FAILED,    false, -,         -, FAILED,    Failed",
        "RUNNING, FAILED,    true,  Evicted,   -, PREEMPTED, Evicted",
        "RUNNING, MISSING,   true,  -,         -, PREEMPTED, Preempted",
        "RUNNING, FAILED,    false, NodeLost,  -, PREEMPTED, NodeLost",
        "RUNNING, MISSING,   false, -,         -, PREEMPTED, Vanished",
        "PENDING, MISSING,   false, -,         -, PREEMPTED, Vanished",
        "CREATED, MISSING,   false, -,         -, CREATED,   -",
        "PENDING, PENDING,   false, -,         -, PENDING,   -",
        "RUNNING, RUNNING,   false, -,         -, RUNNING,   -",
      })
  void movesTheJobToWhatTheClusterShows(
      JobPhase from,
      WorkloadPhase observed,
      boolean preempted,
      String reason,
      Integer exitCode,
      JobPhase to,
      String eventReasons) {
    Job job = jobIn(from);

    List<JobEvent> events =
        Observations.apply(job, seen(observed, preempted, reason, exitCode), NOW.plusSeconds(5));

    assertThat(job.getPhase()).isEqualTo(to);
    assertThat(events.stream().map(JobEvent::getReason).toList())
        .containsExactlyElementsOf(
            eventReasons == null ? List.of() : List.of(eventReasons.split(";")));
  }

  @Test
  void recordsExitCodeNodesAndTimes() {
    Job job = jobIn(JobPhase.RUNNING);

    Observations.apply(job, seen(WorkloadPhase.FAILED, false, "Error", 2), NOW.plusSeconds(60));

    assertThat(job.getExitCode()).isEqualTo(2);
    assertThat(job.getNodes()).isEqualTo("node-0");
    assertThat(job.getFinishedAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void startAndFinishAreTheContainersTimesNotWhenCraterNoticed() {
    Job job = jobIn(JobPhase.PENDING);
    Instant started = NOW.plusSeconds(3);
    Instant finished = NOW.plusSeconds(40);
    ObservedWorkload done =
        new ObservedWorkload(
            0,
            1,
            "crater-0-1",
            WorkloadPhase.SUCCEEDED,
            0,
            "Completed",
            null,
            List.of("node-0"),
            started,
            finished,
            false,
            null);

    Observations.apply(job, done, NOW.plusSeconds(90));

    assertThat(job.getStartedAt()).isEqualTo(started);
    assertThat(job.getFinishedAt()).isEqualTo(finished);
  }

  @Test
  void aTimeAheadOfCratersClockIsTakenAsNow() {
    Job job = jobIn(JobPhase.CREATED);
    Instant later = NOW.plusSeconds(600);
    ObservedWorkload skewed =
        new ObservedWorkload(
            0,
            1,
            "crater-0-1",
            WorkloadPhase.RUNNING,
            null,
            null,
            null,
            List.of("node-0"),
            later,
            null,
            false,
            null);

    Observations.apply(job, skewed, NOW.plusSeconds(5));

    assertThat(job.getStartedAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void ignoresAnotherAttemptAndJobsThatHoldNothing() {
    Job job = jobIn(JobPhase.RUNNING);
    ObservedWorkload old =
        new ObservedWorkload(
            0,
            2,
            "crater-0-2",
            WorkloadPhase.FAILED,
            1,
            "Error",
            null,
            List.of(),
            NOW,
            NOW,
            false,
            null);

    assertThat(Observations.apply(job, old, NOW)).isEmpty();
    job.cancel("alice", NOW);
    assertThat(Observations.apply(job, seen(WorkloadPhase.SUCCEEDED, false, null, 0), NOW))
        .isEmpty();
  }
}
