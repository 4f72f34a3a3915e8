package org.crater.bench;

import static org.crater.bench.ScenarioSupport.MIB;
import static org.crater.bench.ScenarioSupport.awaitMetricAtLeast;
import static org.crater.bench.ScenarioSupport.gpus;
import static org.crater.bench.ScenarioSupport.heap;
import static org.crater.bench.ScenarioSupport.job;
import static org.crater.bench.ScenarioSupport.parallel;
import static org.crater.bench.ScenarioSupport.row;
import static org.crater.bench.ScenarioSupport.signUp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Admission pass time with many queued jobs over many users. */
final class AdmissionScenario {

  private final BenchSettings settings;

  AdmissionScenario(BenchSettings settings) {
    this.settings = settings;
  }

  List<Row> run() throws Exception {
    int userCount = settings.scaled(1000, 100);
    int queued = settings.scaled(20_000, 2_000);
    try (Stack stack = Stack.start("admission", settings, settings.nodes(), 110)) {
      List<Http> users = signUp(stack, userCount, "queue");
      Map<String, Object> big = job("BEST_EFFORT", gpus(8), "sleep 3600");
      AtomicInteger next = new AtomicInteger();
      parallel(
          settings.clients(),
          t -> {
            for (int i; (i = next.getAndIncrement()) < queued; ) {
              users.get(i % users.size()).post("api/v1/jobs", big);
            }
          });
      awaitMetricAtLeast(
          stack, "crater_queue_depth", queued - settings.nodes() - 1, Duration.ofSeconds(120));
      double depth = stack.metric("crater_queue_depth");
      Duration measured = Duration.ofSeconds(settings.scaled(30, 10));
      List<Double> passes = passTimes(stack, users.get(0), big, measured);
      String note =
          (long) depth + " queued over " + userCount + " users, " + passes.size() + " passes";
      return List.of(
          row("admission", "pass p50", Percentiles.of(passes, 50), "ms", "", note),
          row("admission", "pass p99", Percentiles.of(passes, 99), "ms", "<= 100", note),
          row("admission", "RSS with queue", stack.rssBytes() / MIB, "MiB", "", note),
          heap("admission", stack, note));
    }
  }

  /**
   * Nudges a pass every 250 ms with a submission of {@code job} for {@code duration} and records
   * each new pass's time in ms.
   */
  static List<Double> passTimes(
      Stack stack, Http nudger, Map<String, Object> job, Duration duration)
      throws InterruptedException {
    List<Double> passes = new ArrayList<>();
    double lastCount = stack.metric("crater_scheduler_pass_count");
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      nudger.post("api/v1/jobs", job); // each submission asks for a pass
      Thread.sleep(250);
      double count = stack.metric("crater_scheduler_pass_count");
      if (count > lastCount) {
        passes.add(stack.metric("crater_scheduler_last_pass_seconds") * 1000);
        lastCount = count;
      }
    }
    return passes;
  }
}
