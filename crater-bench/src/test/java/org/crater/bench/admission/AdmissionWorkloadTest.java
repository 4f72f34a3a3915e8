package org.crater.bench.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.bench.admission.AdmissionWorkload.NOW;

import java.util.stream.IntStream;
import org.crater.ejb.scheduler.AdmissionPass;
import org.crater.ejb.scheduler.AdmissionPlan;
import org.crater.ejb.scheduler.Waiting;
import org.junit.jupiter.api.Test;

class AdmissionWorkloadTest {

  private static final int QUEUED = 400;

  @Test
  void aFullClusterAdmitsNothingAndGivesEveryJobAPosition() {
    AdmissionPass.Snapshot snapshot =
        AdmissionWorkload.snapshot(QUEUED, 40, 8, AdmissionWorkload.Fill.FULL);

    AdmissionPlan plan = AdmissionPass.plan(snapshot.withFreshRoom(), NOW);

    assertThat(snapshot.held()).hasSize(8 * 8);
    assertThat(plan.admitted()).isEmpty();
    assertThat(plan.preempted()).isEmpty();
    assertThat(plan.waiting().values())
        .extracting(Waiting::position)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, QUEUED).boxed().toList());
  }

  @Test
  void aClusterWithRoomAdmitsAndEachPassStartsFromTheSameRoom() {
    AdmissionPass.Snapshot snapshot =
        AdmissionWorkload.snapshot(QUEUED, 40, 8, AdmissionWorkload.Fill.FREE);

    AdmissionPlan first = AdmissionPass.plan(snapshot.withFreshRoom(), NOW);
    AdmissionPlan second = AdmissionPass.plan(snapshot.withFreshRoom(), NOW);

    assertThat(snapshot.held()).hasSize(8 * 4);
    assertThat(first.admitted()).isNotEmpty();
    assertThat(first.admitted().size() + first.waiting().size()).isEqualTo(QUEUED);
    assertThat(second.admitted()).isEqualTo(first.admitted());
  }
}
