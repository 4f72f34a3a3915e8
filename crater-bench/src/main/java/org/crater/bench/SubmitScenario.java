package org.crater.bench;

import static org.crater.bench.ScenarioSupport.MIB;
import static org.crater.bench.ScenarioSupport.gpus;
import static org.crater.bench.ScenarioSupport.heap;
import static org.crater.bench.ScenarioSupport.job;
import static org.crater.bench.ScenarioSupport.parallel;
import static org.crater.bench.ScenarioSupport.row;
import static org.crater.bench.ScenarioSupport.signUp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.crater.k8s.common.KubeClients;
import org.crater.k8s.workload.WorkloadNames;

/** Ready time, memory at rest, submit → pod latency, sustained submission throughput. */
final class SubmitScenario {

  private final BenchSettings settings;

  SubmitScenario(BenchSettings settings) {
    this.settings = settings;
  }

  List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    try (Stack stack = Stack.start("submit", settings, settings.nodes(), 110)) {
      rows.add(
          row("start", "time to ready", stack.readyIn().toMillis() / 1000.0, "s", "<= 15", ""));
      rows.add(
          row(
              "start",
              "RSS at rest",
              stack.rssBytes() / MIB,
              "MiB",
              "<= 600",
              "Payara Micro, -Xmx512m"));
      rows.add(heap("start", stack, "at rest"));
      List<Http> users = signUp(stack, settings.clients(), "user");
      rows.addAll(latency(stack, users, "the first jobs after the start"));
      rows.addAll(latency(stack, users, "the next ones (warm)"));
      rows.addAll(throughput(stack, users));
    }
    return rows;
  }

  /**
   * Jobs submitted at 20/s with free quota: how long until each one's pod is created. Run twice:
   * right after the start, while the JIT compiles the paths they take, and then warm.
   */
  private List<Row> latency(Stack stack, List<Http> users, String which) throws Exception {
    int count = settings.scaled(300, 50);
    try (PodWatch pods =
        PodWatch.start(KubeClients.fromUrl(stack.sim().url(), Duration.ZERO), Stack.NAMESPACE)) {
      Map<String, Object> quick = job("GUARANTEED", gpus(1), "sleep 1");
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        Http.Reply reply = users.get(i % users.size()).post("api/v1/jobs", quick);
        if (reply.status() == 201) {
          pods.submitted(WorkloadNames.objectName(reply.body().path("id").asLong(), 1), start);
        }
        Thread.sleep(50);
      }
      pods.awaitAllCreated(Duration.ofSeconds(30));
      List<Double> latencies = pods.createdMs();
      String sample =
          latencies.size() + " of " + pods.submittedCount() + " jobs, 20/s, free quota, " + which;
      return List.of(
          row("latency", "submit -> pod created p50", p(latencies, 50), "ms", "", sample),
          row("latency", "submit -> pod created p95", p(latencies, 95), "ms", "", sample),
          row("latency", "submit -> pod created p99", p(latencies, 99), "ms", "<= 100", sample));
    }
  }

  /** Every client submits best-effort jobs back to back for the configured seconds. */
  private List<Row> throughput(Stack stack, List<Http> users) throws Exception {
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    List<Double> requestMs = Collections.synchronizedList(new ArrayList<>());
    Map<String, Object> work = job("BEST_EFFORT", gpus(1), "sleep 2");
    long started = System.nanoTime();
    long end = started + Duration.ofSeconds(settings.seconds()).toNanos();
    parallel(
        users.size(),
        i -> {
          Http user = users.get(i);
          while (System.nanoTime() < end) {
            long t = System.nanoTime();
            int status = user.post("api/v1/jobs", work).status();
            requestMs.add((System.nanoTime() - t) / 1e6);
            (status == 201 ? accepted : refused).incrementAndGet();
          }
        });
    double seconds = (System.nanoTime() - started) / 1e9;
    String load = users.size() + " clients, " + settings.seconds() + " s";
    return List.of(
        row("throughput", "REST submit", accepted.get() / seconds, "jobs/s", ">= 1000", load),
        row("throughput", "submit request p50", p(requestMs, 50), "ms", "", load),
        row("throughput", "submit request p99", p(requestMs, 99), "ms", "", load),
        row("throughput", "refused or failed", refused.get(), "requests", "", load),
        row("throughput", "RSS under load", stack.rssBytes() / MIB, "MiB", "", ""),
        heap("throughput", stack, "under load"));
  }

  private static double p(List<Double> values, double percentile) {
    return Percentiles.of(values, percentile);
  }
}
