package org.crater.k8s.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.crater.k8s.workload.WorkloadPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodObservationTest {

  private static V1Pod pod(String phase, String node) {
    return new V1Pod()
        .metadata(new V1ObjectMeta().name("crater-1-1"))
        .spec(new V1PodSpec().nodeName(node))
        .status(new V1PodStatus().phase(phase));
  }

  private static V1Pod terminated(String phase, int exitCode, String reason) {
    V1Pod p = pod(phase, "node-1");
    p.getStatus()
        .containerStatuses(
            List.of(
                new V1ContainerStatus()
                    .name("main")
                    .state(
                        new V1ContainerState()
                            .terminated(
                                new V1ContainerStateTerminated()
                                    .exitCode(exitCode)
                                    .reason(reason)
                                    .finishedAt(OffsetDateTime.parse("2026-01-01T00:00:00Z"))))));
    return p;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Pending, PENDING",
    "Running, RUNNING",
    "Succeeded, SUCCEEDED",
    "Failed, FAILED",
    "Unknown, PENDING"
  })
  void mapsPhase(String podPhase, WorkloadPhase expected) {
    assertThat(PodObservation.of(pod(podPhase, null), false).phase()).isEqualTo(expected);
  }

  @Test
  void failedPodReportsExitCodeReasonAndFinish() {
    PodObservation o = PodObservation.of(terminated("Failed", 3, "Error"), false);
    assertThat(o.exitCode()).isEqualTo(3);
    assertThat(o.reason()).isEqualTo("Error");
    assertThat(o.finishTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(o.preempted()).isFalse();
    assertThat(o.nodeName()).isEqualTo("node-1");
  }

  @Test
  void disruptionTargetConditionMeansPreempted() {
    V1Pod p = pod("Running", "node-1");
    p.getStatus()
        .conditions(
            List.of(
                new V1PodCondition()
                    .type("DisruptionTarget")
                    .status("True")
                    .reason("PreemptionByScheduler")));
    assertThat(PodObservation.of(p, false).preempted()).isTrue();
    assertThat(PodObservation.of(p, false).reason()).isEqualTo("PreemptionByScheduler");
    assertThat(PodObservation.of(p, true).reason()).isEqualTo("PreemptionByScheduler");
  }

  @ParameterizedTest(name = "status reason {0}")
  @CsvSource({"Preempting", "Evicted"})
  void evictionReasonMeansPreempted(String reason) {
    V1Pod p = pod("Failed", "node-1");
    p.getStatus().reason(reason);
    PodObservation o = PodObservation.of(p, false);
    assertThat(o.preempted()).isTrue();
    assertThat(o.reason()).isEqualTo(reason);
  }

  @Test
  void externalDeletionOfARunningPodMeansPreempted() {
    assertThat(PodObservation.of(pod("Running", "node-1"), true).preempted()).isTrue();
    assertThat(PodObservation.of(pod("Running", "node-1"), true).reason())
        .isEqualTo("DeletedExternally");
    assertThat(PodObservation.of(pod("Pending", null), true).preempted()).isFalse();
    assertThat(PodObservation.of(terminated("Succeeded", 0, "Completed"), true).preempted())
        .isFalse();
  }

  @Test
  void pendingPodExplainsWhy() {
    V1Pod unschedulable = pod("Pending", null);
    unschedulable
        .getStatus()
        .conditions(
            List.of(
                new V1PodCondition()
                    .type("PodScheduled")
                    .status("False")
                    .reason("Unschedulable")
                    .message("0/4 nodes")));
    assertThat(PodObservation.of(unschedulable, false).reason()).isEqualTo("Unschedulable");
    V1Pod pulling = pod("Pending", "node-1");
    pulling
        .getStatus()
        .containerStatuses(
            List.of(
                new V1ContainerStatus()
                    .name("main")
                    .state(
                        new V1ContainerState()
                            .waiting(new V1ContainerStateWaiting().reason("ImagePullBackOff")))));
    assertThat(PodObservation.of(pulling, false).reason()).isEqualTo("ImagePullBackOff");
  }
}
