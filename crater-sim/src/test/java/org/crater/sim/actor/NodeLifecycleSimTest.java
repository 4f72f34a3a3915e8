package org.crater.sim.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crater.sim.TestPods.aPod;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Taint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.crater.sim.SimClients;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.WatchEvent;
import org.crater.sim.api.Watcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lost node as kube-controller-manager handles it: the node is tainted after the grace period,
 * its pods stay Running (their kubelet is silent) until their toleration of the taint runs out,
 * then they are evicted (DisruptionTarget, DeletionByTaintManager) and deleted.
 */
class NodeLifecycleSimTest {
  private static final String NODE = "a100-node-0";
  private static final String NOT_READY = "node.kubernetes.io/not-ready";

  private static SimCluster cluster;
  private static CoreV1Api core;

  @BeforeAll
  static void start() {
    cluster =
        SimCluster.start(
            SimConfig.builder()
                .nodes(2)
                .runMs(-1)
                .nodeGraceMs(300)
                .defaultTolerationSeconds(2)
                .build());
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

  private static Optional<V1Pod> find(String name) throws ApiException {
    return core.listNamespacedPod("default").execute().getItems().stream()
        .filter(p -> p.getMetadata().getName().equals(name))
        .findFirst();
  }

  private static void run(V1Pod pod) throws ApiException {
    core.createNamespacedPod("default", pod).execute();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> "Running".equals(find(pod.getMetadata().getName()).get().getStatus().getPhase()));
  }

  private static List<V1Taint> taints() throws ApiException {
    V1Node node = core.readNode(NODE).execute();
    return node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
  }

  @Test
  void podsStayUntilTheirTolerationRunsOutThenAreEvicted() throws Exception {
    run(
        aPod("short")
            .nodeSelector("kubernetes.io/hostname", NODE)
            .tolerating(NOT_READY, 1L)
            .build());
    run(aPod("none").nodeSelector("kubernetes.io/hostname", NODE).build());
    run(
        aPod("ever")
            .nodeSelector("kubernetes.io/hostname", NODE)
            .tolerating(NOT_READY, null)
            .build());
    long lost = System.nanoTime();

    cluster.setNodeReady(NODE, false);

    assertThat(find("short").get().getStatus().getPhase()).isEqualTo("Running");
    await().atMost(Duration.ofSeconds(10)).until(() -> find("short").isEmpty());
    long shortGone = (System.nanoTime() - lost) / 1_000_000;
    assertThat(shortGone).as("grace 300 ms + toleration 1 s").isGreaterThanOrEqualTo(1300);
    assertThat(taints())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getKey()).isEqualTo(NOT_READY);
              assertThat(t.getEffect()).isEqualTo("NoExecute");
            });
    assertThat(find("none")).as("the default toleration, 2 s here").isPresent();
    await().atMost(Duration.ofSeconds(10)).until(() -> find("none").isEmpty());
    Thread.sleep(1000);
    assertThat(find("ever").get().getStatus().getPhase()).isEqualTo("Running");
  }

  @Test
  void anEvictedPodIsMarkedAsTheTaintManagersDisruptionBeforeItGoes() throws Exception {
    run(
        aPod("victim")
            .nodeSelector("kubernetes.io/hostname", NODE)
            .tolerating(NOT_READY, 0L)
            .build());
    Watcher watch = cluster.store().subscribe(ResourceRegistry.PODS);

    cluster.setNodeReady(NODE, false);

    await().atMost(Duration.ofSeconds(10)).until(() -> find("victim").isEmpty());
    WatchEvent deleted = null;
    for (WatchEvent e = watch.poll(0); e != null; e = watch.poll(0)) {
      if (e.type().equals("DELETED")) {
        deleted = e;
      }
    }
    assertThat(deleted).isNotNull();
    assertThat(deleted.object().toString())
        .contains("DisruptionTarget", "DeletionByTaintManager")
        .doesNotContain("NodeLost");
    cluster.store().unwatch(watch);
  }

  @Test
  void aNodeBackInTimeKeepsItsPodsAndLosesTheTaint() throws Exception {
    run(
        aPod("stays")
            .nodeSelector("kubernetes.io/hostname", NODE)
            .tolerating(NOT_READY, 2L)
            .build());
    cluster.setNodeReady(NODE, false);
    await().atMost(Duration.ofSeconds(10)).until(() -> !taints().isEmpty());

    cluster.setNodeReady(NODE, true);

    await().atMost(Duration.ofSeconds(10)).until(() -> taints().isEmpty());
    Thread.sleep(2500);
    assertThat(find("stays").get().getStatus().getPhase()).isEqualTo("Running");
  }

  @Test
  void aSilentNodesPodsDoNotEndWhileItIsAwayAndNewPodsAvoidIt() throws Exception {
    core.createNamespacedPod(
            "default",
            aPod("quick")
                .nodeSelector("kubernetes.io/hostname", NODE)
                .tolerating(NOT_READY, null)
                .runMs(1500)
                .build())
        .execute();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "Running".equals(find("quick").get().getStatus().getPhase()));
    cluster.setNodeReady(NODE, false);
    Thread.sleep(2000);
    assertThat(find("quick").get().getStatus().getPhase())
        .as("its kubelet cannot report the end")
        .isEqualTo("Running");
    run(aPod("after").build());
    assertThat(find("after").get().getSpec().getNodeName()).isEqualTo("a100-node-1");

    cluster.setNodeReady(NODE, true);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "Succeeded".equals(find("quick").get().getStatus().getPhase()));
  }
}
