package org.crater.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crater.model.account.Account;
import org.crater.model.quota.ResourceVector;
import org.crater.model.user.PlatformRole;
import org.crater.model.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private static Job aJob() {
    return aJob(JobKind.BATCH);
  }

  private static Job aJob(JobKind kind) {
    User alice = new User("alice", "Alice", null, "hash", PlatformRole.USER, NOW);
    Account lab = new Account("lab", "Lab", NOW);
    JobRequest request =
        new JobRequest(
            "train",
            kind,
            TaskType.TRAINING,
            Slo.GUARANTEED,
            "pytorch/pytorch:2.4",
            List.of("python", "train.py"),
            List.of("--epochs", "3"),
            Map.of("SEED", "1"),
            null,
            ResourceVector.of(Map.of("cpu", 4000L, "nvidia.com/gpu", 2L)),
            "A100",
            2,
            List.of(new JobMount("imagenet", "train", "/data", true)),
            3600L);
    return new Job(alice, lab, request, NOW);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "QUEUEING, CREATED, true",
    "QUEUEING, RUNNING, false",
    "CREATED, PREEMPTED, true",
    "RUNNING, PREEMPTED, true",
    "PREEMPTED, QUEUEING, true",
    "PREEMPTED, RUNNING, false",
    "RUNNING, SUCCEEDED, true",
    "SUCCEEDED, CANCELLED, false",
    "FAILED, QUEUEING, false",
    "PENDING, CANCELLED, true"
  })
  void theTransitionTable(JobPhase from, JobPhase to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
  }

  @Test
  void onlyClusterPhasesHoldQuota() {
    assertThat(JobPhase.values())
        .filteredOn(JobPhase::holdsQuota)
        .containsExactly(JobPhase.CREATED, JobPhase.PENDING, JobPhase.RUNNING)
        .containsExactlyElementsOf(JobPhase.holding());
  }

  @Test
  void aJobRunsToSuccessLeavingOneEventPerMove() {
    Job job = aJob();

    List<JobEvent> events =
        List.of(
            job.admit("scheduler", NOW.plusSeconds(1)),
            job.markRunning("a100-node-0", "reconciler", NOW.plusSeconds(5)),
            job.finish(0, "Completed", null, "reconciler", NOW.plusSeconds(60)));

    assertThat(job.getPhase()).isEqualTo(JobPhase.SUCCEEDED);
    assertThat(job.getExitCode()).isZero();
    assertThat(events)
        .extracting(JobEvent::getFrom, JobEvent::getTo)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(JobPhase.QUEUEING, JobPhase.CREATED),
            org.assertj.core.groups.Tuple.tuple(JobPhase.CREATED, JobPhase.RUNNING),
            org.assertj.core.groups.Tuple.tuple(JobPhase.RUNNING, JobPhase.SUCCEEDED));
    assertThat(events.get(1).getActor()).isEqualTo("reconciler");
  }

  @Test
  void aPreemptedJobComesBackAsTheNextAttempt() {
    Job job = aJob();
    job.admit("scheduler", NOW);
    job.markRunning("a100-node-0", "reconciler", NOW);

    job.preempt("PreemptedByGuaranteed", "job 7 needed the GPUs", "scheduler", NOW);
    job.requeue("scheduler", NOW);

    assertThat(job.getPhase()).isEqualTo(JobPhase.QUEUEING);
    assertThat(job.getAttempt()).isEqualTo(2);
    assertThat(job.getPreemptions()).isEqualTo(1);
    assertThat(job.getStartedAt()).isNull();
  }

  @Test
  void illegalMovesThrowAndChangeNothing() {
    Job job = aJob();

    assertThatThrownBy(() -> job.markRunning("n", "x", NOW))
        .isInstanceOf(IllegalJobTransitionException.class)
        .hasMessageContaining("Queueing")
        .hasMessageContaining("Running");
    assertThat(job.getPhase()).isEqualTo(JobPhase.QUEUEING);
  }

  @Test
  void finalPhasesAreFinal() {
    Job job = aJob();
    job.cancel("alice", NOW);

    assertThat(job.getPhase().isFinal()).isTrue();
    assertThatThrownBy(() -> job.admit("scheduler", NOW))
        .isInstanceOf(IllegalJobTransitionException.class);
  }

  @Test
  void aPolicyStopCancelsWithItsReasonAndAWarningLeavesThePhase() {
    Job job = aJob();
    job.admit("scheduler", NOW);
    job.markRunning("node-1", "cluster", NOW);

    JobEvent warning = job.note("RunTimeWarning", "soon", "policy", NOW.plusSeconds(1));
    assertThat(warning.getFrom()).isEqualTo(JobPhase.RUNNING);
    assertThat(warning.getTo()).isEqualTo(JobPhase.RUNNING);
    assertThat(job.getPhase()).isEqualTo(JobPhase.RUNNING);
    assertThat(job.getReason()).isEqualTo("Started");

    JobEvent stop = job.cancel("RunTimeExceeded", "ran too long", "policy", NOW.plusSeconds(2));
    assertThat(stop.getTo()).isEqualTo(JobPhase.CANCELLED);
    assertThat(job.getReason()).isEqualTo("RunTimeExceeded");
    assertThat(job.getReasonMessage()).isEqualTo("ran too long");
    assertThat(job.getFinishedAt()).isEqualTo(NOW.plusSeconds(2));
  }

  @Test
  void onlyAFinishedJobIsArchivedAndOnlyOnce() {
    Job running = aJob();
    running.admit("scheduler", NOW);
    Job finished = aJob();
    finished.cancel("alice", NOW);

    JobEvent archived = finished.archive("alice", NOW.plusSeconds(5));

    assertThatThrownBy(() -> running.archive("alice", NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Created");
    assertThat(running.isArchived()).isFalse();
    assertThat(finished.getArchivedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(finished.getPhase()).isEqualTo(JobPhase.CANCELLED);
    assertThat(archived.getFrom()).isEqualTo(JobPhase.CANCELLED);
    assertThat(archived.getTo()).isEqualTo(JobPhase.CANCELLED);
    assertThat(archived.getReason()).isEqualTo("Archived");
    assertThatThrownBy(() -> finished.archive("alice", NOW.plusSeconds(9)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(finished.getArchivedAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void theServiceLevelChangesOnlyWhileQueued() {
    Job job = aJob();
    job.changeSlo(Slo.BEST_EFFORT);
    job.admit("scheduler", NOW);

    assertThat(job.getSlo()).isEqualTo(Slo.BEST_EFFORT);
    assertThatThrownBy(() -> job.changeSlo(Slo.GUARANTEED))
        .isInstanceOf(IllegalJobTransitionException.class);
  }

  @Test
  void aGangHoldsItsResourcesTimesItsReplicas() {
    assertThat(aJob().getReplicas()).isEqualTo(2);
    assertThat(
            new JobRequest(
                    "g",
                    JobKind.PYTORCH,
                    TaskType.TRAINING,
                    Slo.GUARANTEED,
                    "i",
                    List.of("x"),
                    null,
                    null,
                    null,
                    ResourceVector.of(Map.of("nvidia.com/gpu", 4L)),
                    null,
                    3,
                    null,
                    null)
                .total()
                .get("nvidia.com/gpu"))
        .isEqualTo(12);
  }

  @Test
  void listsAndMapsRoundTripAsJsonText() {
    JobConverters.Mounts mounts = new JobConverters.Mounts();
    JobConverters.StringList list = new JobConverters.StringList();
    JobConverters.StringMap map = new JobConverters.StringMap();
    List<JobMount> someMounts = List.of(new JobMount("imagenet", "train", "/data", true));

    assertThat(mounts.convertToEntityAttribute(mounts.convertToDatabaseColumn(someMounts)))
        .isEqualTo(someMounts);
    assertThat(list.convertToDatabaseColumn(List.of("bash", "-c", "echo \"hi\"")))
        .isEqualTo("[\"bash\",\"-c\",\"echo \\\"hi\\\"\"]");
    assertThat(list.convertToEntityAttribute("[\"a\",\"b\"]")).containsExactly("a", "b");
    assertThat(map.convertToEntityAttribute(map.convertToDatabaseColumn(Map.of("K", "v=1"))))
        .containsEntry("K", "v=1");
  }

  @Test
  void aNotebookHasARandomTokenFromItsSubmissionThatItKeepsAcrossAttempts() {
    Job notebook = aJob(JobKind.JUPYTER);
    String token = notebook.getNotebookToken();

    notebook.admit("scheduler", NOW);
    notebook.preempt("NodeLost", null, "cluster", NOW);
    notebook.requeue("cluster", NOW);
    notebook.admit("scheduler", NOW);

    assertThat(token).matches("[0-9a-f]{32}");
    assertThat(notebook.getNotebookToken()).isEqualTo(token);
    assertThat(notebook.getAttempt()).isEqualTo(2);
    assertThat(aJob(JobKind.JUPYTER).getNotebookToken()).isNotEqualTo(token);
    assertThat(aJob(JobKind.BATCH).getNotebookToken()).isNull();
  }
}
