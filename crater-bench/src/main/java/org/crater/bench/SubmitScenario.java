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
import java.util.function.ToIntFunction;
import org.crater.k8s.common.KubeClients;
import org.crater.k8s.workload.WorkloadNames;

/**
 * Ready time, memory at rest, submit → pod latency, the request path's floor, sustained submission
 * throughput.
 */
final class SubmitScenario {

  private final BenchSettings settings;

  SubmitScenario(BenchSettings settings) {
    this.settings = settings;
  }

  List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    Stack.Bare bare = Stack.bare(settings);
    String alone = "Payara Micro alone, same options, serving one static page";
    rows.add(row("ceiling", "time to ready", bare.readyIn().toMillis() / 1000.0, "s", "", alone));
    rows.add(row("ceiling", "RSS at rest", bare.rssBytes() / MIB, "MiB", "", alone));
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
      rows.addAll(requestCeiling(users));
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

  /**
   * What the same clients get from requests far cheaper than a submission, on the same stack: the
   * request path's own floor on this machine, the ceiling submission is held against beside
   * MariaDB's commit rate.
   */
  private List<Row> requestCeiling(List<Http> users) throws Exception {
    Duration each = Duration.ofSeconds(settings.scaled(10, 3));
    String load = users.size() + " clients, " + each.toSeconds() + " s";
    Load version = sustained(users, each, user -> user.get("api/v1/version").status());
    Load me = sustained(users, each, user -> user.get("api/v1/auth/me").status());
    return List.of(
        row(
            "ceiling",
            "GET /api/v1/version (no token, no database)",
            version.perSecond(),
            "req/s",
            "",
            load),
        row(
            "ceiling",
            "GET /api/v1/auth/me (token, two reads)",
            me.perSecond(),
            "req/s",
            "",
            load));
  }

  /** Every client submits best-effort jobs back to back for the configured seconds. */
  private List<Row> throughput(Stack stack, List<Http> users) throws Exception {
    Map<String, Object> work = job("BEST_EFFORT", gpus(1), "sleep 2");
    Load submit =
        sustained(
            users,
            Duration.ofSeconds(settings.seconds()),
            user -> user.post("api/v1/jobs", work).status());
    String load = users.size() + " clients, " + settings.seconds() + " s";
    return List.of(
        row("throughput", "REST submit", submit.perSecond(), "jobs/s", ">= 1000", load),
        row("throughput", "submit request p50", p(submit.requestMs(), 50), "ms", "", load),
        row("throughput", "submit request p99", p(submit.requestMs(), 99), "ms", "", load),
        row("throughput", "refused or failed", submit.failed(), "requests", "", load),
        row("throughput", "RSS under load", stack.rssBytes() / MIB, "MiB", "", ""),
        heap("throughput", stack, "under load"));
  }

  /**
   * What {@code users} got from sending {@code call} back to back, one client each, for {@code
   * length}.
   *
   * @param perSecond answers of 2xx per second
   * @param failed the other answers
   * @param requestMs every request's time
   */
  private record Load(double perSecond, long failed, List<Double> requestMs) {}

  private static Load sustained(List<Http> users, Duration length, ToIntFunction<Http> call)
      throws InterruptedException {
    AtomicLong succeeded = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Double> requestMs = Collections.synchronizedList(new ArrayList<>());
    long started = System.nanoTime();
    long end = started + length.toNanos();
    parallel(
        users.size(),
        i -> {
          Http user = users.get(i);
          while (System.nanoTime() < end) {
            long t = System.nanoTime();
            int status = call.applyAsInt(user);
            requestMs.add((System.nanoTime() - t) / 1e6);
            (status / 100 == 2 ? succeeded : failed).incrementAndGet();
          }
        });
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Load(succeeded.get() / seconds, failed.get(), requestMs);
  }

  private static double p(List<Double> values, double percentile) {
    return Percentiles.of(values, percentile);
  }
}
