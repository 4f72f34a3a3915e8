package org.crater.k8s.informer;

import static org.assertj.core.api.Assertions.assertThat;

import org.crater.k8s.pod.PodObservation;
import org.crater.k8s.workload.WorkloadPhase;
import org.junit.jupiter.api.Test;

class TombstonesTest {

  private static PodObservation pod(String name) {
    return new PodObservation(name, WorkloadPhase.RUNNING, null, null, null, "n", null, null, true);
  }

  @Test
  void recordsVanishedPodsPerAttemptOncePerName() {
    Tombstones t = new Tombstones(10);
    t.record("1/1", pod("a"));
    t.record("1/1", pod("a"));
    t.record("1/1", pod("b"));
    assertThat(t.get("1/1")).extracting(PodObservation::name).containsExactly("a", "b");
    assertThat(t.get("1/2")).isEmpty();
  }

  @Test
  void expectedDeletionsAreNotRecordedUntilTheAttemptIsAppliedAgain() {
    Tombstones t = new Tombstones(10);
    t.record("1/1", pod("a"));
    t.expect("1/1");
    assertThat(t.get("1/1")).as("expecting clears").isEmpty();
    t.record("1/1", pod("a"));
    assertThat(t.get("1/1")).isEmpty();
    t.unexpect("1/1");
    t.record("1/1", pod("a"));
    assertThat(t.get("1/1")).hasSize(1);
  }

  @Test
  void forgetsTheOldestAttemptsBeyondCapacity() {
    Tombstones t = new Tombstones(2);
    t.record("1/1", pod("a"));
    t.record("2/1", pod("a"));
    t.record("3/1", pod("a"));
    assertThat(t.get("1/1")).isEmpty();
    assertThat(t.get("3/1")).hasSize(1);
  }
}
