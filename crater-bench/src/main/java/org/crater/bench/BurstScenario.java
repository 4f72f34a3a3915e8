package org.crater.bench;

import static org.crater.bench.ScenarioSupport.MIB;
import static org.crater.bench.ScenarioSupport.gpus;
import static org.crater.bench.ScenarioSupport.heap;
import static org.crater.bench.ScenarioSupport.job;
import static org.crater.bench.ScenarioSupport.parallel;
import static org.crater.bench.ScenarioSupport.row;
import static org.crater.bench.ScenarioSupport.signUp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A submission burst of fifty thousand one-GPU jobs from a thousand users at once: how long until
 * every job is queued (its 201 comes after its commit), until the jobs that fit are admitted, and
 * until they are reconciled (their pods Running and recorded).
 */
final class BurstScenario {

  private static final String SCENARIO = "scale-burst";

  private final BenchSettings settings;

  BurstScenario(BenchSettings settings) {
    this.settings = settings;
  }

  List<Row> run() throws Exception {
    int jobs = settings.scaled(50_000, 5_000);
    int userCount = settings.scaled(1_000, 100);
    int fits = settings.nodes() * 8;
    try (Stack stack = Stack.start(SCENARIO, settings, settings.nodes(), 110)) {
      List<Http> users = signUp(stack, userCount, "burst");
      Http admin = stack.admin();
      long start = System.nanoTime();
      PhaseWatch phases = new PhaseWatch(admin, start, Math.min(fits, jobs));
      Thread follower = new Thread(phases::follow, "burst-phases");
      follower.start();
      int accepted = submitAll(users, jobs);
      double queued = (System.nanoTime() - start) / 1e9;
      phases.awaitReconciled(Duration.ofSeconds(600));
      follower.interrupt();
      String note =
          String.format(
              Locale.ROOT,
              "%d jobs from %d users, %d clients; %d accepted, %d fit (%d nodes x 8 GPUs)",
              jobs,
              userCount,
              settings.clients(),
              accepted,
              fits,
              settings.nodes());
      return List.of(
          row(SCENARIO, "submit rate", accepted / queued, "jobs/s", "", note),
          row(SCENARIO, "burst start -> all queued", queued, "s", "", note),
          row(
              SCENARIO,
              "burst start -> all that fit admitted",
              phases.admittedSeconds(),
              "s",
              "",
              note),
          row(SCENARIO, "burst start -> those Running", phases.runningSeconds(), "s", "", note),
          row(SCENARIO, "queue depth after", stack.metric("crater_queue_depth"), "jobs", "", note),
          row(SCENARIO, "RSS after", stack.rssBytes() / MIB, "MiB", "", note),
          heap(SCENARIO, stack, note));
    }
  }

  /** Every user's submissions in turn over the configured clients; returns how many got 201. */
  private int submitAll(List<Http> users, int jobs) throws InterruptedException {
    Map<String, Object> body = job("BEST_EFFORT", gpus(1), "sleep 3600");
    AtomicInteger next = new AtomicInteger();
    AtomicInteger accepted = new AtomicInteger();
    parallel(
        settings.clients(),
        t -> {
          for (int i; (i = next.getAndIncrement()) < jobs; ) {
            if (users.get(i % users.size()).post("api/v1/jobs", body).status() == 201) {
              accepted.incrementAndGet();
            }
          }
        });
    return accepted.get();
  }

  /** Follows the administrator's job statistics until the jobs that fit are Running. */
  private static final class PhaseWatch {

    private final Http admin;
    private final long start;
    private final int fits;
    private volatile long admittedAt;
    private volatile long runningAt;

    PhaseWatch(Http admin, long start, int fits) {
      this.admin = admin;
      this.start = start;
      this.fits = fits;
    }

    void follow() {
      try {
        while (runningAt == 0) {
          JsonNode counts = admin.get("api/v1/admin/jobs/statistics").body();
          long queueing = counts.path("QUEUEING").asLong(counts.path("Queueing").asLong());
          long running = counts.path("RUNNING").asLong(counts.path("Running").asLong());
          long total = 0;
          for (JsonNode n : counts) {
            total += n.asLong();
          }
          if (admittedAt == 0 && total - queueing >= fits) {
            admittedAt = System.nanoTime();
          }
          if (running >= fits) {
            runningAt = System.nanoTime();
          }
          Thread.sleep(250);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void awaitReconciled(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (runningAt == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }

    double admittedSeconds() {
      return admittedAt == 0 ? Double.NaN : (admittedAt - start) / 1e9;
    }

    double runningSeconds() {
      return runningAt == 0 ? Double.NaN : (runningAt - start) / 1e9;
    }
  }
}
