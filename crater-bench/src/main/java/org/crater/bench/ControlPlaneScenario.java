package org.crater.bench;

import static org.crater.bench.ScenarioSupport.heap;
import static org.crater.bench.ScenarioSupport.job;
import static org.crater.bench.ScenarioSupport.parallel;
import static org.crater.bench.ScenarioSupport.row;
import static org.crater.bench.ScenarioSupport.signUp;

import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.crater.k8s.common.KubeClients;
import org.crater.k8s.workload.WorkloadNames;

/**
 * The same burst on crater-sim and on a real control plane (kube-apiserver, kube-scheduler, kwok
 * nodes; bin/kube-up): small CPU jobs submitted by many clients at once, until every pod is
 * Running. Both sides are watched the same way, through the Kubernetes API.
 */
final class ControlPlaneScenario {

  private static final Map<String, String> SMALL = Map.of("cpu", "100m", "memory", "64Mi");

  private final BenchSettings settings;

  ControlPlaneScenario(BenchSettings settings) {
    this.settings = settings;
  }

  List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    // The bed's four nodes (bin/bench starts it with 300 pods each), simulated.
    try (Stack stack = Stack.start("pods-sim", settings, 4, 300)) {
      rows.addAll(
          measure("pods-sim", stack, KubeClients.fromUrl(stack.sim().url(), Duration.ZERO)));
    }
    if (settings.kube() == null) {
      rows.add(
          row("pods-real", "not measured", Double.NaN, "", "", "no control plane: --real-cluster"));
      return rows;
    }
    try (Stack stack = Stack.startOnControlPlane("pods-real", settings)) {
      ApiClient admin =
          KubeClients.fromKubeconfig(
              settings.kube().resolve("admin-kubeconfig.yaml"), Duration.ZERO);
      rows.addAll(measure("pods-real", stack, admin));
    }
    return rows;
  }

  private List<Row> measure(String scenario, Stack stack, ApiClient cluster) throws Exception {
    int jobs = settings.scaled(1_000, 100);
    List<Http> users = signUp(stack, settings.clients(), "pods");
    warmUp(users, cluster);
    try (PodWatch pods = PodWatch.start(cluster, Stack.NAMESPACE)) {
      long started = System.nanoTime();
      int refused = submitAll(users, jobs, pods);
      double submitSeconds = (System.nanoTime() - started) / 1e9;
      boolean all = pods.awaitAllRunning(Duration.ofSeconds(settings.scaled(600, 120)));
      double seconds = (pods.lastRunning() - started) / 1e9;
      String note =
          String.format(
              "%d of %d pods Running%s, %d clients, %d refused",
              pods.runningCount(),
              pods.submittedCount(),
              all ? "" : " (timed out)",
              users.size(),
              refused);
      List<Double> created = pods.createdMs();
      List<Double> running = pods.runningMs();
      return List.of(
          row(scenario, "submit phase", pods.submittedCount() / submitSeconds, "jobs/s", "", note),
          row(scenario, "first submit -> all pods Running", seconds, "s", "", note),
          row(scenario, "throughput to Running", pods.runningCount() / seconds, "jobs/s", "", note),
          row(scenario, "submit -> pod created p50", Percentiles.of(created, 50), "ms", "", note),
          row(scenario, "submit -> pod created p99", Percentiles.of(created, 99), "ms", "", note),
          row(scenario, "submit -> pod Running p50", Percentiles.of(running, 50), "ms", "", note),
          row(scenario, "submit -> pod Running p99", Percentiles.of(running, 99), "ms", "", note),
          heap(scenario, stack, note));
    }
  }

  /** Fifty jobs to Running first, so that neither side is measured cold. */
  private static void warmUp(List<Http> users, ApiClient cluster) throws Exception {
    try (PodWatch pods = PodWatch.start(cluster, Stack.NAMESPACE)) {
      submitAll(users, 50, pods);
      if (!pods.awaitAllRunning(Duration.ofSeconds(120))) {
        throw new IllegalStateException("the warm-up's pods did not run in 120 s");
      }
    }
  }

  /** Each user submits in turn until {@code jobs} are submitted; returns how many were refused. */
  private static int submitAll(List<Http> users, int jobs, PodWatch pods)
      throws InterruptedException {
    Map<String, Object> body = job("BEST_EFFORT", SMALL, "sleep 3600");
    AtomicInteger next = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    parallel(
        users.size(),
        t -> {
          for (int i; (i = next.getAndIncrement()) < jobs; ) {
            long at = System.nanoTime();
            Http.Reply reply = users.get(t).post("api/v1/jobs", body);
            if (reply.status() == 201) {
              pods.submitted(WorkloadNames.objectName(reply.body().path("id").asLong(), 1), at);
            } else {
              refused.incrementAndGet();
            }
          }
        });
    return refused.get();
  }
}
