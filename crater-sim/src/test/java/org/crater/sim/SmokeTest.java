package org.crater.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void podRunsToCompletion() throws Exception {
    try (SimCluster cluster = SimCluster.start(SimConfig.builder().nodes(2).runMs(200).build())) {
      ApiClient client = SimClients.client(cluster);
      CoreV1Api core = new CoreV1Api(client);
      assertThat(core.listNode().execute().getItems()).hasSize(2);
      V1Pod pod =
          new V1Pod()
              .metadata(
                  new V1ObjectMeta().name("p1").annotations(Map.of("sim.crater.io/exit-code", "3")))
              .spec(
                  new V1PodSpec()
                      .restartPolicy("Never")
                      .addContainersItem(
                          new V1Container()
                              .name("main")
                              .image("busybox")
                              .resources(
                                  new V1ResourceRequirements()
                                      .limits(Map.of("nvidia.com/gpu", new Quantity("2"))))));
      core.createNamespacedPod("default", pod).execute();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  "Failed"
                      .equals(
                          core.readNamespacedPod("p1", "default")
                              .execute()
                              .getStatus()
                              .getPhase()));
      V1Pod done = core.readNamespacedPod("p1", "default").execute();
      assertThat(done.getSpec().getNodeName()).startsWith("a100-node-");
      assertThat(
              done.getStatus()
                  .getContainerStatuses()
                  .get(0)
                  .getState()
                  .getTerminated()
                  .getExitCode())
          .isEqualTo(3);
      String log = core.readNamespacedPodLog("p1", "default").execute();
      assertThat(log).contains("exited with code 3");
    }
  }
}
