package org.crater.bench;

import static org.crater.bench.ScenarioSupport.MIB;
import static org.crater.bench.ScenarioSupport.awaitMetricAtLeast;
import static org.crater.bench.ScenarioSupport.gpus;
import static org.crater.bench.ScenarioSupport.heap;
import static org.crater.bench.ScenarioSupport.job;
import static org.crater.bench.ScenarioSupport.parallel;
import static org.crater.bench.ScenarioSupport.row;
import static org.crater.bench.ScenarioSupport.signUp;
import static org.crater.bench.ScenarioSupport.timed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ten thousand users: their sign-up, one queued job each (the admission pass then weighs ten
 * thousand queues), the administrator's user list, and memory.
 */
final class ScaleUsersScenario {

  private static final String SCENARIO = "scale-users";

  private final BenchSettings settings;

  ScaleUsersScenario(BenchSettings settings) {
    this.settings = settings;
  }

  List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    int count = settings.scaled(10_000, 1_000);
    try (Stack stack = Stack.start(SCENARIO, settings, settings.nodes(), 110)) {
      long start = System.nanoTime();
      List<Http> users = signUp(stack, count, "member");
      double signUpSeconds = (System.nanoTime() - start) / 1e9;
      String note = count + " users";
      rows.add(row(SCENARIO, "sign-up and login", signUpSeconds, "s", "", note + ", 8 clients"));
      rows.add(row(SCENARIO, "sign-up and login rate", count / signUpSeconds, "users/s", "", ""));

      Map<String, Object> big = job("BEST_EFFORT", gpus(8), "sleep 3600");
      AtomicInteger next = new AtomicInteger();
      parallel(
          settings.clients(),
          t -> {
            for (int i; (i = next.getAndIncrement()) < count; ) {
              users.get(i).post("api/v1/jobs", big);
            }
          });
      awaitMetricAtLeast(
          stack, "crater_queue_depth", count - settings.nodes() - 1, Duration.ofSeconds(120));
      String queued = (long) stack.metric("crater_queue_depth") + " queued, one per user";
      Duration measured = Duration.ofSeconds(settings.scaled(30, 10));
      List<Double> passes = AdmissionScenario.passTimes(stack, users.get(0), big, measured);
      rows.add(row(SCENARIO, "pass p50", Percentiles.of(passes, 50), "ms", "", queued));
      rows.add(row(SCENARIO, "pass p99", Percentiles.of(passes, 99), "ms", "<= 100", queued));
      rows.addAll(userList(stack.admin(), count, note));
      rows.add(row(SCENARIO, "RSS", stack.rssBytes() / MIB, "MiB", "", queued));
      rows.add(heap(SCENARIO, stack, queued));
    }
    return rows;
  }

  /** The administrator's user list, pages of 50 spread over all users, and a name search. */
  private List<Row> userList(Http admin, int count, String note) {
    List<Double> pages = new ArrayList<>();
    List<Double> search = new ArrayList<>();
    int reads = settings.scaled(200, 50);
    for (int i = 0; i < reads; i++) {
      int page = (int) ((long) i * (count / 50) / reads);
      pages.add(timed(() -> admin.get("api/v1/admin/users?size=50&page=" + page)));
      String text = "member-" + (i * 37 % count);
      search.add(timed(() -> admin.get("api/v1/admin/users?size=50&q=" + text)));
    }
    return List.of(
        row(SCENARIO, "admin user list p50", Percentiles.of(pages, 50), "ms", "", note),
        row(SCENARIO, "admin user list p99", Percentiles.of(pages, 99), "ms", "<= 100", note),
        row(SCENARIO, "admin user search p99", Percentiles.of(search, 99), "ms", "<= 100", note));
  }
}
