package org.crater.sim.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crater.sim.TestPods.aPod;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.crater.sim.SimClients;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kubelet: phases, exit codes, typed reads of everything it writes, and node failures. */
class KubeletSimTest {
  private static SimCluster cluster;
  private static CoreV1Api core;

  @BeforeAll
  static void start() {
    cluster = SimCluster.start(SimConfig.builder().nodes(2).runMs(300).build());
    core = new CoreV1Api(SimClients.client(cluster));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @BeforeEach
  void reset() {
    cluster.reset();
  }

  private static V1Pod read(String name) throws ApiException {
    return core.readNamespacedPod(name, "default").execute();
  }

  private static void awaitPhase(String name, String phase) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> phase.equals(read(name).getStatus().getPhase()));
  }

  @Test
  void runningPodHasIpsStartTimeReadyConditionAndRunningContainers() throws ApiException {
    core.createNamespacedPod("default", aPod("run").gpus(1).runMs(-1).build()).execute();
    awaitPhase("run", "Running");
    V1Pod pod = read("run");
    assertThat(pod.getStatus().getPodIP()).startsWith("10.244.");
    assertThat(pod.getStatus().getHostIP()).startsWith("10.0.");
    assertThat(pod.getStatus().getStartTime())
        .isBetween(pod.getMetadata().getCreationTimestamp(), OffsetDateTime.now());
    assertThat(pod.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus()).isEqualTo("True");
            });
    assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getRunning().getStartedAt())
        .isAfterOrEqualTo(pod.getStatus().getStartTime());
  }

  @Test
  void exitCodeZeroSucceedsAndNonZeroFails() throws ApiException {
    core.createNamespacedPod("default", aPod("ok").runMs(100).build()).execute();
    core.createNamespacedPod("default", aPod("bad").runMs(100).exitCode(137).build()).execute();
    core.createNamespacedPod("default", aPod("default-run").build()).execute();
    awaitPhase("ok", "Succeeded");
    awaitPhase("bad", "Failed");
    awaitPhase("default-run", "Succeeded");
    V1ContainerStateTerminated ok =
        read("ok").getStatus().getContainerStatuses().get(0).getState().getTerminated();
    V1ContainerStateTerminated bad =
        read("bad").getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(ok.getExitCode()).isZero();
    assertThat(ok.getReason()).isEqualTo("Completed");
    assertThat(bad.getExitCode()).isEqualTo(137);
    assertThat(bad.getReason()).isEqualTo("Error");
    assertThat(bad.getFinishedAt()).isAfterOrEqualTo(bad.getStartedAt());
  }

  @Test
  void cordonedNodesGetNoNewPods() throws Exception {
    io.kubernetes.client.util.PatchUtils.patch(
        V1Node.class,
        () ->
            core.patchNode(
                    "a100-node-0",
                    new io.kubernetes.client.custom.V1Patch("{\"spec\":{\"unschedulable\":true}}"))
                .buildCall(null),
        io.kubernetes.client.custom.V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
        SimClients.client(cluster));
    for (int i = 0; i < 3; i++) {
      core.createNamespacedPod("default", aPod("cordon-" + i).runMs(-1).build()).execute();
    }
    for (int i = 0; i < 3; i++) {
      awaitPhase("cordon-" + i, "Running");
      assertThat(read("cordon-" + i).getSpec().getNodeName()).isEqualTo("a100-node-1");
    }
  }

  @Test
  void deletingANodeDeletesItsPods() throws ApiException {
    core.createNamespacedPod(
            "default",
            aPod("orphan").runMs(-1).nodeSelector("kubernetes.io/hostname", "a100-node-1").build())
        .execute();
    awaitPhase("orphan", "Running");
    cluster.deleteNode("a100-node-1");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> core.listNamespacedPod("default").execute().getItems().isEmpty());
    assertThat(core.listNode().execute().getItems()).hasSize(1);
  }
}
