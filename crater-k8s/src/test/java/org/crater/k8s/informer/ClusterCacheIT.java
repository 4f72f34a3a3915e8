package org.crater.k8s.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crater.k8s.common.ResourceAmounts;
import org.crater.k8s.common.Threads;
import org.crater.k8s.node.GpuModelSummary;
import org.crater.k8s.node.NodeInventory;
import org.crater.k8s.node.NodeView;
import org.crater.k8s.support.SimHarness;
import org.crater.k8s.support.Specs;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Informers over the simulated cluster: job keys reach the work queue; the inventory matches the
 * nodes.
 */
class ClusterCacheIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static SimHarness cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster =
        SimHarness.start(
            SimConfig.builder()
                .nodePool(new NodePool(2, "A100", 8, "64", "512Gi"))
                .nodePool(new NodePool(3, "V100", 4, "32", "256Gi"))
                .runMs(60_000));
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void inventoryMatchesTheSimulatedNodesPerGpuModel() {
    NodeInventory inv = cluster.cache().inventory();
    assertThat(inv.nodes()).hasSize(5).allMatch(NodeView::ready);
    GpuModelSummary a100 = inv.models().get("A100");
    GpuModelSummary v100 = inv.models().get("V100");
    assertThat(a100.nodes()).isEqualTo(2);
    assertThat(a100.capacity()).isEqualTo(16);
    assertThat(v100.nodes()).isEqualTo(3);
    assertThat(v100.allocatable()).isEqualTo(12);
    assertThat(inv.node(inv.nodes().get(0).name()).orElseThrow().capacity().get("cpu"))
        .isPositive();
  }

  @Test
  void runningPodsAreChargedToTheirNodeAndModel() {
    WorkloadSpec spec =
        Specs.aJob().jobId(501).gpuModel("V100").resource("nvidia.com/gpu", "3").build();
    long freeBefore = cluster.cache().inventory().models().get("V100").free();
    cluster.gateway().apply(spec);
    await()
        .atMost(WAIT)
        .until(() -> cluster.cache().inventory().models().get("V100").free() == freeBefore - 3);
    NodeInventory inv = cluster.cache().inventory();
    NodeView node = inv.nodes().stream().filter(n -> !n.pods().isEmpty()).findFirst().orElseThrow();
    assertThat(node.gpuModel()).isEqualTo("V100");
    assertThat(node.allocated().get("nvidia.com/gpu")).isEqualTo(3);
    assertThat(node.free().get("nvidia.com/gpu")).isEqualTo(1);
    ResourceAmounts fourGpus = ResourceAmounts.parse(Map.of("nvidia.com/gpu", "4"));
    assertThat(inv.placeable(fourGpus, "V100", 10)).isEqualTo(2);
    cluster.gateway().delete(spec.jobId(), spec.attempt());
    await()
        .atMost(WAIT)
        .until(() -> cluster.cache().inventory().models().get("V100").free() == freeBefore);
  }

  @Test
  void objectChangesReachTheWorkQueueAndController() {
    WorkQueue<Request> queue = WorkQueue.withDefaultBackoff();
    cluster.cache().onJobChange(id -> queue.add(new Request(id)));
    Set<Long> reconciled = ConcurrentHashMap.newKeySet();
    try (Controller controller =
        new Controller(
            "it",
            queue,
            r -> {
              reconciled.add(r.jobId());
              return Result.done();
            },
            2,
            Threads.daemon("it-worker"))) {
      controller.start();
      cluster.gateway().apply(Specs.aJob().jobId(601).build());
      cluster.gateway().apply(Specs.aJob().jobId(602).replicas(2).build());
      await().atMost(WAIT).until(() -> reconciled.containsAll(Set.of(601L, 602L)));
      cluster.gateway().delete(601, 1);
      cluster.gateway().delete(602, 1);
    }
  }
}
