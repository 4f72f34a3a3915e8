package org.crater.model.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.crater.model.job.JobPhase;
import org.crater.model.job.PolicyReason;
import org.junit.jupiter.api.Test;

class NotificationTypeTest {

  @Test
  void movesIntoPhasesAreTheirTypes() {
    assertThat(NotificationType.of(JobPhase.PENDING, JobPhase.RUNNING, "Started"))
        .contains(NotificationType.STARTED);
    assertThat(NotificationType.of(JobPhase.RUNNING, JobPhase.SUCCEEDED, "Completed"))
        .contains(NotificationType.FINISHED);
    assertThat(NotificationType.of(JobPhase.RUNNING, JobPhase.FAILED, "Error"))
        .contains(NotificationType.FAILED);
    assertThat(NotificationType.of(JobPhase.RUNNING, JobPhase.PREEMPTED, "Evicted"))
        .contains(NotificationType.PREEMPTED);
  }

  @Test
  void otherMovesAndArchivingAreNoNews() {
    assertThat(NotificationType.of(null, JobPhase.QUEUEING, "Submitted")).isEmpty();
    assertThat(NotificationType.of(JobPhase.QUEUEING, JobPhase.CREATED, "Admitted")).isEmpty();
    assertThat(NotificationType.of(JobPhase.RUNNING, JobPhase.CANCELLED, "Cancelled")).isEmpty();
    assertThat(NotificationType.of(JobPhase.SUCCEEDED, JobPhase.SUCCEEDED, "Archived")).isEmpty();
    assertThat(NotificationType.of(JobPhase.FAILED, JobPhase.FAILED, "Archived")).isEmpty();
  }

  @Test
  void policyReasonsCountByTheirEffect() {
    for (PolicyReason reason : PolicyReason.values()) {
      var type = NotificationType.of(JobPhase.RUNNING, JobPhase.RUNNING, reason.code());
      switch (reason.effect()) {
        case WARNING -> assertThat(type).contains(NotificationType.WARNED);
        case EXTENSION_DECISION -> assertThat(type).contains(NotificationType.EXTENSION_DECIDED);
        case EXTENSION_REQUEST -> assertThat(type).isEmpty();
        case STOP -> assertThat(type).contains(NotificationType.STOPPED);
      }
    }
    assertThat(
            NotificationType.of(
                JobPhase.RUNNING, JobPhase.CANCELLED, PolicyReason.IDLE_RECLAIMED.code()))
        .contains(NotificationType.STOPPED);
  }

  @Test
  void defaultsAreInApiForAllEmailForTroubleAndNoWebhooks() {
    for (NotificationType type : NotificationType.values()) {
      assertThat(type.onByDefault(Channel.IN_API)).isTrue();
      assertThat(type.onByDefault(Channel.WEBHOOK)).isFalse();
    }
    assertThat(NotificationType.values())
        .filteredOn(t -> t.onByDefault(Channel.EMAIL))
        .containsExactlyInAnyOrder(
            NotificationType.FAILED,
            NotificationType.PREEMPTED,
            NotificationType.WARNED,
            NotificationType.STOPPED);
  }
}
