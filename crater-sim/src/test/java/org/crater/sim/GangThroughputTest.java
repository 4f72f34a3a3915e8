package org.crater.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.crater.sim.api.Json;
import org.crater.sim.api.ResourceRegistry;
import org.junit.jupiter.api.Test;

/**
 * 1,000 Volcano jobs of two 4-GPU workers (gang minAvailable 2) on 64 8-GPU nodes, every 10th job
 * exiting 1, submitted over HTTP. Reports the time until every job is final; asserts loosely.
 */
class GangThroughputTest {
  private static final int JOBS = 1000;
  private static final int NODES = 64;

  @Test
  void thousandGangJobsRunToCompletion() {
    try (SimCluster cluster =
        SimCluster.start(SimConfig.builder().nodes(NODES).runMs(100).startDelayMs(0).build())) {
      DynamicKubernetesApi jobs =
          new DynamicKubernetesApi(
              "batch.volcano.sh", "v1alpha1", "jobs", SimClients.client(cluster));
      long t0 = System.nanoTime();
      for (int i = 0; i < JOBS; i++) {
        assertThat(jobs.create(new DynamicKubernetesObject(Json.parse(job(i)))).isSuccess())
            .isTrue();
      }
      long submitMs = (System.nanoTime() - t0) / 1_000_000;
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> phases(cluster).getOrDefault("final", 0L) == JOBS);
      long totalMs = (System.nanoTime() - t0) / 1_000_000;
      Map<String, Long> byPhase =
          cluster.store().list(ResourceRegistry.VC_JOBS, "default").stream()
              .collect(
                  Collectors.groupingBy(
                      j -> String.valueOf(Json.str(j, "status.state.phase")),
                      Collectors.counting()));
      System.out.printf(
          "gang jobs=%d nodes=%d submitMs=%d totalMs=%d phases=%s binds=%d%n",
          JOBS, NODES, submitMs, totalMs, byPhase, cluster.binds());
      assertThat(byPhase).containsEntry("Completed", 900L).containsEntry("Failed", 100L);
      assertThat(cluster.binds()).isEqualTo(2L * JOBS);
    }
  }

  private static Map<String, Long> phases(SimCluster cluster) {
    return cluster.store().list(ResourceRegistry.VC_JOBS, "default").stream()
        .collect(
            Collectors.groupingBy(
                j -> {
                  String phase = Json.str(j, "status.state.phase");
                  return "Completed".equals(phase) || "Failed".equals(phase) ? "final" : "open";
                },
                Collectors.counting()));
  }

  private static String job(int i) {
    String exit = i % 10 == 9 ? "1" : "0";
    return "{\"apiVersion\":\"batch.volcano.sh/v1alpha1\",\"kind\":\"Job\",\"metadata\":{"
        + "\"name\":\"job-"
        + i
        + "\",\"namespace\":\"default\",\"annotations\":{\"sim.crater.io/exit-code\":\""
        + exit
        + "\"}},\"spec\":{\"minAvailable\":2,\"schedulerName\":\"volcano\",\"tasks\":[{"
        + "\"name\":\"worker\",\"replicas\":2,\"template\":{\"spec\":{\"restartPolicy\":\"Never\","
        + "\"containers\":[{\"name\":\"main\",\"image\":\"pytorch\",\"resources\":{\"limits\":"
        + "{\"nvidia.com/gpu\":\"4\"}}}]}}}]}}";
  }
}
