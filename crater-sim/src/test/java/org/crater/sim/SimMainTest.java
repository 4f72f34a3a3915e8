package org.crater.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.util.Config;
import java.nio.file.Path;
import java.util.List;
import org.crater.sim.actor.NodePool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line flags and the kubeconfig the simulator writes for itself. */
class SimMainTest {
  @Test
  void flagsBuildTheConfig() {
    SimConfig config =
        SimMain.parse(
            new String[] {
              "--port", "0", "--nodes", "3", "--gpu-model", "H100", "--gpus-per-node", "4",
              "--cpu", "32", "--memory", "256Gi", "--run-ms", "500", "--exit-code", "1",
              "--namespace", "crater-jobs", "--kubeconfig", "target/x.yaml"
            });
    assertThat(config.nodePools()).containsExactly(new NodePool(3, "H100", 4, "32", "256Gi"));
    assertThat(config.runMs()).isEqualTo(500);
    assertThat(config.exitCode()).isEqualTo(1);
    assertThat(config.namespaces()).containsExactly("default", "crater-jobs");
    assertThat(config.kubeconfigPath()).isEqualTo(Path.of("target/x.yaml"));
  }

  @Test
  void nodePoolsMixModels() {
    SimConfig config =
        SimMain.parse(new String[] {"--node-pool", "2:A100:8", "--node-pool", "1:V100:4:16:64Gi"});
    assertThat(config.nodePools())
        .containsExactly(
            new NodePool(2, "A100", 8, "64", "512Gi"), new NodePool(1, "V100", 4, "16", "64Gi"));
    assertThat(config.nodeCount()).isEqualTo(3);
  }

  @Test
  void badFlagsAreRejected() {
    assertThatThrownBy(() -> SimMain.parse(new String[] {"--nodes"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimMain.parse(new String[] {"--colour", "red"}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writtenKubeconfigWorksWithClientJava(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("sim-kubeconfig.yaml");
    SimConfig config =
        SimConfig.builder()
            .kubeconfigPath(kubeconfig)
            .nodePool(new NodePool(2, "A100", 8, "64", "512Gi"))
            .nodePool(new NodePool(1, "V100", 4, "32", "256Gi"))
            .build();
    try (SimCluster cluster = SimCluster.start(config)) {
      assertThat(cluster.kubeconfigPath()).isEqualTo(kubeconfig);
      ApiClient client = Config.fromConfig(kubeconfig.toString());
      assertThat(client.getBasePath()).isEqualTo(cluster.url());
      List<V1Node> nodes = new CoreV1Api(client).listNode().execute().getItems();
      assertThat(nodes)
          .extracting(n -> n.getMetadata().getName())
          .containsExactlyInAnyOrder("a100-node-0", "a100-node-1", "v100-node-0");
      V1Node v100 =
          nodes.stream()
              .filter(n -> n.getMetadata().getName().equals("v100-node-0"))
              .findFirst()
              .orElseThrow();
      assertThat(v100.getStatus().getAllocatable().get("nvidia.com/gpu").getNumber().intValue())
          .isEqualTo(4);
      assertThat(v100.getStatus().getCapacity()).containsKey("nvidia.com/v100");
      assertThat(v100.getMetadata().getLabels()).containsEntry("nvidia.com/gpu.product", "V100");
      assertThat(v100.getStatus().getNodeInfo().getKubeletVersion()).isNotBlank();
    }
  }
}
