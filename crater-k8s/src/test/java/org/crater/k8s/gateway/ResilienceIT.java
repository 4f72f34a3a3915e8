package org.crater.k8s.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Clock;
import java.time.Duration;
import org.crater.k8s.common.ClusterUnavailableException;
import org.crater.k8s.common.KubeClients;
import org.crater.k8s.common.Threads;
import org.crater.k8s.informer.Controller;
import org.crater.k8s.informer.ExponentialBackoff;
import org.crater.k8s.informer.Reconciler;
import org.crater.k8s.informer.Request;
import org.crater.k8s.informer.Result;
import org.crater.k8s.informer.WorkQueue;
import org.crater.k8s.node.NodeInventory;
import org.crater.k8s.support.SimHarness;
import org.crater.k8s.support.Specs;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adapter survives dropped watches, 410 Gone, 5xx/429 answers, an unreachable server and a lost
 * node.
 */
class ResilienceIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static SimHarness cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = SimHarness.start(SimConfig.builder().nodes(2).gpusPerNode(8).runMs(60_000));
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void cachesRelistAfterWatchesDropAndHistoryIsGone() throws Exception {
    cluster.gateway().apply(Specs.aJob().jobId(801).build());
    await()
        .atMost(WAIT)
        .until(() -> cluster.gateway().observe(801, 1).phase() == WorkloadPhase.RUNNING);

    // A later unrelated write: crater-sim's reset() answers 410 only to versions older than its
    // last one, so a pod watch resuming exactly at the newest version would otherwise not re-list.
    new CoreV1Api(cluster.client())
        .createNamespacedConfigMap(
            SimHarness.NAMESPACE,
            new V1ConfigMap()
                .apiVersion("v1")
                .kind("ConfigMap")
                .metadata(new V1ObjectMeta().name("bump-" + System.nanoTime())))
        .execute();
    // Closes every watch; old resourceVersions now answer 410, so the informers must re-list.
    cluster.sim().reset();

    ObservedWorkload vanished =
        await()
            .atMost(WAIT)
            .until(
                () -> cluster.gateway().observe(801, 1),
                o -> o.phase() == WorkloadPhase.MISSING && o.preempted());
    assertThat(vanished.reason()).isEqualTo("DeletedExternally");
    cluster.gateway().apply(Specs.aJob().jobId(802).build());
    await()
        .atMost(WAIT)
        .until(() -> cluster.gateway().observe(802, 1).phase() == WorkloadPhase.RUNNING);
    cluster.gateway().delete(802, 1);
  }

  @Test
  void unreachableApiServerIsClusterUnavailable() {
    ClusterGateway offline =
        new ClusterGateway(
            KubeClients.fromUrl("http://127.0.0.1:9", Duration.ofSeconds(2)),
            KubeClients.fromUrl("http://127.0.0.1:9", KubeClients.WATCH),
            WorkloadSettings.defaults("s"),
            cluster.cache(),
            Clock.systemUTC());
    assertThatThrownBy(() -> offline.apply(Specs.aJob().jobId(803).build()))
        .isInstanceOf(ClusterUnavailableException.class);
    assertThatThrownBy(() -> offline.apply(Specs.aJob().jobId(804).replicas(2).build()))
        .isInstanceOf(ClusterUnavailableException.class);
    assertThatThrownBy(() -> offline.delete(803, 1))
        .isInstanceOf(ClusterUnavailableException.class);
  }

  @Test
  void notReadyNodeStopsCountingAsUsableCapacity() {
    String node = cluster.cache().inventory().nodes().get(0).name();
    long usable = cluster.cache().inventory().models().get("A100").usableNodes();
    cluster.sim().setNodeReady(node, false);
    try {
      await()
          .atMost(WAIT)
          .until(() -> !cluster.cache().inventory().node(node).orElseThrow().ready());
      NodeInventory inv = cluster.cache().inventory();
      assertThat(inv.models().get("A100").usableNodes()).isEqualTo(usable - 1);
    } finally {
      cluster.sim().setNodeReady(node, true);
    }
  }

  @Test
  void droppedWatchesResumeWithoutLosingEvents() {
    cluster.sim().dropWatches();
    cluster.gateway().apply(Specs.aJob().jobId(811).build());
    await()
        .atMost(WAIT)
        .until(() -> cluster.gateway().observe(811, 1).phase() == WorkloadPhase.RUNNING);
    cluster.sim().dropWatches();
    cluster.gateway().delete(811, 1);
    await()
        .atMost(WAIT)
        .until(() -> cluster.gateway().observe(811, 1).phase() == WorkloadPhase.MISSING);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 503, 429})
  void serverErrorsAreUnavailable(int code) {
    cluster.sim().failNextRequests(1, code);
    assertThatThrownBy(() -> cluster.gateway().apply(Specs.aJob().jobId(820 + code).build()))
        .isInstanceOfSatisfying(
            ClusterUnavailableException.class, e -> assertThat(e.httpStatus()).isEqualTo(code));
  }

  @Test
  void reconcilerRetriesThroughServerErrors() {
    WorkQueue<Request> queue =
        new WorkQueue<>(new ExponentialBackoff<>(Duration.ofMillis(50), Duration.ofSeconds(1)));
    Reconciler reconciler =
        request -> {
          cluster.gateway().apply(Specs.aJob().jobId(request.jobId()).build());
          return Result.done();
        };
    try (Controller controller =
        new Controller("it-retry", queue, reconciler, 1, Threads.daemon("it-retry"))) {
      cluster.sim().failNextRequests(3, 503);
      controller.start();
      queue.add(new Request(831));
      await()
          .atMost(WAIT)
          .until(() -> cluster.gateway().observe(831, 1).phase() == WorkloadPhase.RUNNING);
    }
    cluster.gateway().delete(831, 1);
  }
}
