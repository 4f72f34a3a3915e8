package org.crater.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobPhaseTest {

  @Test
  void holdingPhasesAreTheOnesThatHoldQuota() {
    for (JobPhase phase : JobPhase.values()) {
      assertThat(JobPhase.holding().contains(phase)).as(phase.name()).isEqualTo(phase.holdsQuota());
    }
    assertThat(JobPhase.holding())
        .containsExactlyInAnyOrder(JobPhase.CREATED, JobPhase.PENDING, JobPhase.RUNNING);
  }

  @Test
  void theSchedulerKeepsQueuedAndHoldingJobs() {
    assertThat(JobPhase.scheduled())
        .containsAll(JobPhase.holding())
        .contains(JobPhase.QUEUEING)
        .hasSize(JobPhase.holding().size() + 1);
  }

  @Test
  void preemptedJobsStillHaveClusterObjectsToWorkOn() {
    assertThat(JobPhase.onCluster())
        .containsAll(JobPhase.holding())
        .contains(JobPhase.PREEMPTED)
        .hasSize(JobPhase.holding().size() + 1);
    assertThat(JobPhase.onCluster()).noneMatch(JobPhase::isFinal);
  }

  @Test
  void callersCannotChangeTheSets() {
    JobPhase.scheduled().clear();
    JobPhase.onCluster().clear();
    assertThat(JobPhase.scheduled())
        .containsExactlyInAnyOrder(
            JobPhase.QUEUEING, JobPhase.CREATED, JobPhase.PENDING, JobPhase.RUNNING);
    assertThat(JobPhase.onCluster())
        .containsExactlyInAnyOrder(
            JobPhase.CREATED, JobPhase.PENDING, JobPhase.RUNNING, JobPhase.PREEMPTED);
  }
}
