package org.crater.bench;

import static org.crater.bench.ScenarioSupport.awaitCount;
import static org.crater.bench.ScenarioSupport.job;
import static org.crater.bench.ScenarioSupport.parallel;
import static org.crater.bench.ScenarioSupport.row;
import static org.crater.bench.ScenarioSupport.signUp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Full resync of many running jobs, then a burst of pod-status changes. */
final class ReconcileScenario {

  private final BenchSettings settings;

  ReconcileScenario(BenchSettings settings) {
    this.settings = settings;
  }

  List<Row> run() throws Exception {
    int jobs = settings.scaled(10_000, 1_000);
    try (Stack stack = Stack.start("reconcile", settings, settings.nodes(), 250)) {
      List<Http> users = signUp(stack, 50, "pods");
      Map<String, Object> small =
          job("BEST_EFFORT", Map.of("cpu", "100m", "memory", "64Mi"), "sleep 3600");
      AtomicInteger next = new AtomicInteger();
      parallel(
          settings.clients(),
          t -> {
            for (int i; (i = next.getAndIncrement()) < jobs; ) {
              users.get(i % users.size()).post("api/v1/jobs", small);
            }
          });
      Http admin = stack.admin();
      awaitCount(admin, "RUNNING", jobs, Duration.ofSeconds(300));
      double resync = resyncSeconds(stack, jobs);
      Row resyncRow = row("reconcile", "full resync", resync, "s", "", jobs + " running jobs");

      long burst = System.nanoTime();
      int ended = stack.sim().finishRunningPods("crater-jobs", 0);
      awaitCount(admin, "SUCCEEDED", jobs, Duration.ofSeconds(180));
      double seconds = (System.nanoTime() - burst) / 1e9;
      String note = ended + " pods ended at once, until all jobs Succeeded in the database";
      return List.of(
          resyncRow,
          row("reconcile", "pod-status events", ended / seconds, "events/s", ">= 1000", note));
    }
  }

  /**
   * The periodic resync (every 30 s) queues every unfinished job: how long from the backlog's rise
   * to its drain, in seconds, or NaN when that was not seen within 45 s.
   */
  private static double resyncSeconds(Stack stack, int jobs) throws InterruptedException {
    long rise = 0;
    long drained = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    while (System.nanoTime() < deadline && drained == 0) {
      double backlog = stack.metric("crater_reconcile_backlog");
      if (rise == 0 && backlog >= jobs * 0.5) {
        rise = System.nanoTime();
      } else if (rise != 0 && backlog == 0) {
        drained = System.nanoTime();
      }
      Thread.sleep(50);
    }
    return drained == 0 ? Double.NaN : (drained - rise) / 1e9;
  }
}
