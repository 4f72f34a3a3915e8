package org.crater.ejb.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crater.model.job.JobPhase;
import org.crater.model.job.PolicyReason;
import org.crater.model.policy.JobPolicyState;
import org.crater.model.policy.PolicyLimits;
import org.junit.jupiter.api.Test;

class PolicyDecisionsTest {

  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private static final PolicyLimits RUN_TWO_HOURS =
      new PolicyLimits(
          Duration.ofHours(2), Duration.ofHours(1), null, null, null, null, null, false, null);
  private static final PolicyLimits IDLE =
      new PolicyLimits(
          null, null, null, 5.0, Duration.ofMinutes(30), Duration.ofMinutes(10), null, false, null);
  private static final PolicyLimits QUEUE_WARN =
      new PolicyLimits(null, null, null, null, null, null, HOUR, false, null);
  private static final PolicyLimits QUEUE_CANCEL =
      new PolicyLimits(null, null, null, null, null, null, HOUR, true, null);

  private static JobFacts running(boolean interactive, long gpus, int replicas, long hours) {
    return new JobFacts(7, 1, JobPhase.RUNNING, interactive, gpus, replicas, START, START, hours);
  }

  private static JobFacts queued(int attempt) {
    return new JobFacts(7, attempt, JobPhase.QUEUEING, false, 1, 1, null, START, 0);
  }

  private static List<PolicyReason> reasons(List<PolicyAction> actions) {
    return actions.stream().map(PolicyAction::reason).toList();
  }

  private static List<PolicyAction> decide(
      JobFacts job, PolicyLimits limits, JobPolicyState marks, List<Double> means, Instant now) {
    return PolicyDecisions.decide(job, limits, marks, means, now);
  }

  @Test
  void runTimeWarnsATenthOfTheLimitBeforeAndOnlyOncePerDeadline() {
    JobFacts job = running(false, 1, 1, 0);
    Instant deadline = START.plus(Duration.ofHours(2));
    assertThat(decide(job, RUN_TWO_HOURS, null, null, deadline.minusSeconds(721))).isEmpty();

    List<PolicyAction> warned = decide(job, RUN_TWO_HOURS, null, null, deadline.minusSeconds(720));
    assertThat(reasons(warned)).containsExactly(PolicyReason.RUN_TIME_WARNING);
    assertThat(warned.get(0).deadline()).isEqualTo(deadline);

    JobPolicyState marks = new JobPolicyState(7, 1);
    marks.runWarned(deadline);
    assertThat(decide(job, RUN_TWO_HOURS, marks, null, deadline.minusSeconds(60))).isEmpty();
  }

  @Test
  void runTimeStopsAtTheLimitEvenWithoutAWarning() {
    List<PolicyAction> actions =
        decide(running(false, 1, 1, 0), RUN_TWO_HOURS, null, null, START.plus(Duration.ofHours(2)));
    assertThat(reasons(actions)).containsExactly(PolicyReason.RUN_TIME_EXCEEDED);
    assertThat(actions.get(0).stops()).isTrue();
  }

  @Test
  void interactiveJobsHaveTheirOwnLimit() {
    Instant ninetyMinutes = START.plus(Duration.ofMinutes(90));
    assertThat(reasons(decide(running(true, 1, 1, 0), RUN_TWO_HOURS, null, null, ninetyMinutes)))
        .containsExactly(PolicyReason.RUN_TIME_EXCEEDED);
    assertThat(reasons(decide(running(false, 1, 1, 0), RUN_TWO_HOURS, null, null, ninetyMinutes)))
        .isEmpty();
  }

  @Test
  void anExtensionMovesTheDeadlineAndWarnsAgainBeforeTheNewOne() {
    JobPolicyState marks = new JobPolicyState(7, 1);
    marks.runWarned(START.plus(Duration.ofHours(2)));
    JobFacts extended = running(false, 1, 1, 3);
    Instant pastOldDeadline = START.plus(Duration.ofHours(3));
    assertThat(decide(extended, RUN_TWO_HOURS, marks, null, pastOldDeadline)).isEmpty();

    List<PolicyAction> warned =
        decide(extended, RUN_TWO_HOURS, marks, null, START.plus(Duration.ofMinutes(290)));
    assertThat(reasons(warned)).containsExactly(PolicyReason.RUN_TIME_WARNING);
    assertThat(warned.get(0).deadline()).isEqualTo(START.plus(Duration.ofHours(5)));
    assertThat(
            reasons(decide(extended, RUN_TWO_HOURS, marks, null, START.plus(Duration.ofHours(5)))))
        .containsExactly(PolicyReason.RUN_TIME_EXCEEDED);
  }

  @Test
  void aPolicyChangeAppliesToARunningJobAtTheNextCheck() {
    JobFacts job = running(false, 1, 1, 0);
    Instant now = START.plus(Duration.ofHours(3));
    assertThat(decide(job, PolicyLimits.NONE, null, null, now)).isEmpty();
    assertThat(reasons(decide(job, RUN_TWO_HOURS, null, null, now)))
        .containsExactly(PolicyReason.RUN_TIME_EXCEEDED);
  }

  @Test
  void idleWarnsOnceThenStopsAfterTheGrace() {
    JobFacts job = running(false, 2, 2, 0);
    Instant now = START.plus(HOUR);
    assertThat(reasons(decide(job, IDLE, null, List.of(1.0, 0.0), now)))
        .containsExactly(PolicyReason.IDLE_WARNING);

    JobPolicyState marks = new JobPolicyState(7, 1);
    marks.idleWarned(now);
    assertThat(decide(job, IDLE, marks, List.of(1.0, 0.0), now.plus(Duration.ofMinutes(9))))
        .as("warned once, within the grace")
        .isEmpty();
    assertThat(
            reasons(decide(job, IDLE, marks, List.of(1.0, 0.0), now.plus(Duration.ofMinutes(10)))))
        .containsExactly(PolicyReason.IDLE_RECLAIMED);
  }

  @Test
  void oneBusyPodKeepsTheJobAndWithdrawsTheWarning() {
    JobFacts job = running(false, 2, 2, 0);
    JobPolicyState marks = new JobPolicyState(7, 1);
    marks.idleWarned(START.plus(HOUR));
    List<PolicyAction> actions =
        decide(job, IDLE, marks, List.of(1.0, 80.0), START.plus(Duration.ofHours(2)));
    assertThat(actions).containsExactly(PolicyAction.IDLE_CLEARED);
    assertThat(actions.get(0).stops()).isFalse();
  }

  @Test
  void missingDataNeverStops() {
    JobFacts job = running(false, 2, 2, 0);
    JobPolicyState marks = new JobPolicyState(7, 1);
    marks.idleWarned(START.plus(HOUR));
    Instant late = START.plus(Duration.ofHours(5));
    assertThat(decide(job, IDLE, marks, null, late)).as("no source or no answer").isEmpty();
    assertThat(decide(job, IDLE, marks, List.of(0.0), late)).as("one pod without data").isEmpty();
    assertThat(decide(job, IDLE, marks, List.of(), late)).as("no pod with data").isEmpty();
  }

  @Test
  void jobsWithoutGpusOrNotYetAWholeWindowOldAreNeverIdle() {
    assertThat(decide(running(false, 0, 1, 0), IDLE, null, List.of(0.0), START.plus(HOUR)))
        .isEmpty();
    assertThat(
            decide(
                running(false, 1, 1, 0),
                IDLE,
                null,
                List.of(0.0),
                START.plus(Duration.ofMinutes(29))))
        .isEmpty();
  }

  @Test
  void marksOfAnEarlierAttemptDoNotCount() {
    JobPolicyState earlier = new JobPolicyState(7, 0);
    earlier.idleWarned(START);
    assertThat(
            reasons(decide(running(false, 1, 1, 0), IDLE, earlier, List.of(0.0), START.plus(HOUR))))
        .containsExactly(PolicyReason.IDLE_WARNING);
  }

  @Test
  void aLongWaitWarnsOnceOrCancels() {
    Instant late = START.plus(HOUR);
    assertThat(decide(queued(1), QUEUE_WARN, null, null, late.minusSeconds(1))).isEmpty();
    assertThat(reasons(decide(queued(1), QUEUE_WARN, null, null, late)))
        .containsExactly(PolicyReason.QUEUE_TIME_WARNING);
    JobPolicyState marks = new JobPolicyState(7, 1);
    marks.queueWarned();
    assertThat(decide(queued(1), QUEUE_WARN, marks, null, late.plus(HOUR))).isEmpty();
    assertThat(reasons(decide(queued(2), QUEUE_WARN, marks, null, late.plus(HOUR))))
        .as("a requeued attempt is warned afresh")
        .containsExactly(PolicyReason.QUEUE_TIME_WARNING);
    assertThat(reasons(decide(queued(1), QUEUE_CANCEL, marks, null, late)))
        .containsExactly(PolicyReason.QUEUE_TIME_EXCEEDED);
  }

  @Test
  void aRunTimeStopLeavesNoRoomForIdleDecisions() {
    PolicyLimits both =
        new PolicyLimits(
            HOUR,
            HOUR,
            null,
            5.0,
            Duration.ofMinutes(30),
            Duration.ofMinutes(10),
            null,
            false,
            null);
    assertThat(reasons(decide(running(false, 1, 1, 0), both, null, List.of(0.0), START.plus(HOUR))))
        .containsExactly(PolicyReason.RUN_TIME_EXCEEDED);
  }
}
