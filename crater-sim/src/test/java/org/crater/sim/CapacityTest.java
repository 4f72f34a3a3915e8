package org.crater.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crater.sim.TestPods.aPod;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crater.sim.api.Json;
import org.crater.sim.api.ResourceRegistry;
import org.junit.jupiter.api.Test;

/**
 * 500 nodes and 10,000 pods in one process, created over HTTP and run by the actors. Timing is
 * reported, and asserted only loosely.
 */
class CapacityTest {
  private static final int NODES = 500;
  private static final int PODS = 10_000;
  private static final int THREADS = 4;

  @Test
  void holdsTenThousandPodsOnFiveHundredNodes() throws Exception {
    long t0 = System.nanoTime();
    try (SimCluster cluster =
        SimCluster.start(SimConfig.builder().nodes(NODES).runMs(-1).startDelayMs(0).build())) {
      long startMs = ms(t0);
      CoreV1Api core = new CoreV1Api(SimClients.client(cluster));
      long t1 = System.nanoTime();
      createPods(core);
      long createMs = ms(t1);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> running(cluster) == PODS);
      long allRunningMs = ms(t1);
      System.gc();
      Runtime rt = Runtime.getRuntime();
      long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
      System.out.printf(
          "capacity nodes=%d pods=%d startMs=%d createMs=%d podsPerSec=%d allRunningMs=%d"
              + " heapMb=%d%n",
          NODES,
          PODS,
          startMs,
          createMs,
          PODS * 1000L / Math.max(1, createMs),
          allRunningMs,
          heapMb);
      assertThat(cluster.store().count(ResourceRegistry.NODES)).isEqualTo(NODES);
      assertThat(core.listPodForAllNamespaces().limit(500).execute().getItems()).hasSize(500);
      assertThat(allRunningMs).isLessThan(60_000);
    }
  }

  private static void createPods(CoreV1Api core) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  for (int i = thread; i < PODS; i += THREADS) {
                    core.createNamespacedPod(
                            "default", aPod("cap-" + i).resource("cpu", "100m").build())
                        .execute();
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static long running(SimCluster cluster) {
    return cluster.store().list(ResourceRegistry.PODS, null).stream()
        .filter(p -> "Running".equals(Json.str(p, "status.phase")))
        .count();
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
