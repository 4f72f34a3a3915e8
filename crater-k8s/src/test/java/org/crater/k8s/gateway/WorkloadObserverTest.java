package org.crater.k8s.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.crater.k8s.pod.PodObservation;
import org.crater.k8s.workload.WorkloadPhase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadObserverTest {

  private static List<PodObservation> pods(String phases) {
    return Arrays.stream(phases.split(" "))
        .map(
            p ->
                new PodObservation(
                    "p", WorkloadPhase.valueOf(p), null, null, null, null, null, null, false))
        .toList();
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
    "all pending,           PENDING PENDING,     PENDING",
    "one started,           PENDING RUNNING,     RUNNING",
    "one done one running,  SUCCEEDED RUNNING,   RUNNING",
    "all succeeded,         SUCCEEDED SUCCEEDED, SUCCEEDED",
    "any failed fails all,  SUCCEEDED FAILED,    FAILED",
    "failed while running,  RUNNING FAILED,      FAILED"
  })
  void rollsPodPhasesUp(String name, String phases, WorkloadPhase expected) {
    assertThat(WorkloadObserver.rollupPhase(pods(phases))).isEqualTo(expected);
  }
}
