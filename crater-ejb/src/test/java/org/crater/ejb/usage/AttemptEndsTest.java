package org.crater.ejb.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crater.model.account.Account;
import org.crater.model.job.Job;
import org.crater.model.job.JobEvent;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobPhase;
import org.crater.model.job.JobRequest;
import org.crater.model.job.Slo;
import org.crater.model.job.TaskType;
import org.crater.model.quota.ResourceVector;
import org.crater.model.usage.AttemptResources;
import org.crater.model.usage.AttemptUsage;
import org.crater.model.user.PlatformRole;
import org.crater.model.user.User;
import org.junit.jupiter.api.Test;

/** Which moves end an attempt, and what the attempt used, from its own start to that move. */
class AttemptEndsTest {

  private static final Instant SUBMITTED = Instant.parse("2026-11-28T20:00:00Z");
  private static final Instant STARTED = Instant.parse("2026-11-28T22:30:00Z");

  /** Two replicas of 2 GPUs, 4 cores and 16 GiB each. */
  private static Job aJob() {
    User alice = new User("alice", "Alice", null, "hash", PlatformRole.USER, SUBMITTED);
    JobRequest request =
        new JobRequest(
            "train",
            JobKind.PYTORCH,
            TaskType.TRAINING,
            Slo.GUARANTEED,
            "pytorch/pytorch:2.4",
            List.of("python", "train.py"),
            List.of(),
            Map.of(),
            null,
            ResourceVector.of(Map.of("cpu", 4000L, "memory", 16L << 30, "nvidia.com/gpu", 2L)),
            "A100",
            2,
            List.of(),
            null);
    return new Job(alice, new Account("lab", "Lab", SUBMITTED), request, SUBMITTED);
  }

  private static Job running() {
    Job job = aJob();
    job.admit("scheduler", STARTED.minusSeconds(60));
    job.markRunning("node-0,node-1", "cluster", STARTED);
    return job;
  }

  @Test
  void aFinishedAttemptCountsFromItsStartToItsFinishSplitAtMidnight() {
    Job job = running();
    JobEvent finished =
        job.finish(0, "Completed", null, "cluster", Instant.parse("2026-11-29T01:00:00Z"));

    List<AttemptUsage> usage = AttemptEnds.usageOf(job, finished);

    assertThat(usage)
        .extracting(u -> u.getDay().toString())
        .containsExactly("2026-11-28", "2026-11-29");
    assertThat(usage)
        .extracting(AttemptUsage::getDurationMs)
        .containsExactly(90 * 60_000L, 60 * 60_000L);
    AttemptUsage first = usage.get(0);
    assertThat(first.getGpus()).isEqualTo(4);
    assertThat(first.getCpuMillis()).isEqualTo(8000);
    assertThat(first.getMemoryMib()).isEqualTo(32 * 1024);
    assertThat(first.getGpuModel()).isEqualTo("A100");
    assertThat(first.getUsername()).isEqualTo("alice");
    assertThat(first.getAccount()).isEqualTo("lab");
    assertThat(first.getAttempt()).isEqualTo(1);
    assertThat(first.getEndedAs()).isEqualTo(JobPhase.SUCCEEDED);
    assertThat(first.getStartedAt()).isEqualTo(STARTED);
  }

  @Test
  void aPreemptedAttemptEndsWhenItIsPreemptedAndItsCancellationCountsNothingMore() {
    Job job = running();
    Instant preemptedAt = STARTED.plusSeconds(600);
    JobEvent preempted = job.preempt("PreemptedForGuaranteed", null, "scheduler", preemptedAt);
    JobEvent cancelled = job.cancel("alice", preemptedAt.plusSeconds(30));

    assertThat(AttemptEnds.usageOf(job, preempted))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.getDurationMs()).isEqualTo(600_000);
              assertThat(u.getEndedAs()).isEqualTo(JobPhase.PREEMPTED);
            });
    assertThat(AttemptEnds.usageOf(job, cancelled)).as("the attempt ended already").isEmpty();
  }

  @Test
  void aCancelledRunningAttemptCountsToItsCancellation() {
    Job job = running();
    JobEvent cancelled = job.cancel("alice", STARTED.plusSeconds(5));

    assertThat(AttemptEnds.usageOf(job, cancelled))
        .singleElement()
        .satisfies(u -> assertThat(u.getDurationMs()).isEqualTo(5_000));
  }

  @Test
  void anAttemptThatNeverStartedUsedNothing() {
    Job queued = aJob();
    Job admitted = aJob();
    admitted.admit("scheduler", STARTED);

    assertThat(AttemptEnds.usageOf(queued, queued.cancel("alice", STARTED))).isEmpty();
    assertThat(
            AttemptEnds.usageOf(
                admitted, admitted.fail("Rejected", "denied", "cluster", STARTED.plusSeconds(1))))
        .isEmpty();
  }

  @Test
  void movesThatDoNotEndAnAttemptRecordNothing() {
    Job job = aJob();
    JobEvent admitted = job.admit("scheduler", STARTED.minusSeconds(60));
    JobEvent started = job.markRunning("node-0", "cluster", STARTED);

    assertThat(AttemptEnds.endsAttempt(admitted)).isFalse();
    assertThat(AttemptEnds.endsAttempt(started)).isFalse();
    assertThat(AttemptEnds.usageOf(job, started)).isEmpty();
  }

  @Test
  void memoryIsRoundedUpToWholeMebibytes() {
    assertThat(AttemptEnds.resourcesOf(ResourceVector.of(Map.of("memory", (1L << 20) + 1))))
        .isEqualTo(new AttemptResources(0, 0, 2));
    assertThat(AttemptEnds.resourcesOf(ResourceVector.ZERO))
        .isEqualTo(new AttemptResources(0, 0, 0));
  }
}
