package org.crater.bench;

import static org.crater.bench.ScenarioSupport.MIB;
import static org.crater.bench.ScenarioSupport.heap;
import static org.crater.bench.ScenarioSupport.row;
import static org.crater.bench.ScenarioSupport.signUp;
import static org.crater.bench.ScenarioSupport.timed;

import java.util.ArrayList;
import java.util.List;

/**
 * A million finished jobs stored (written with batched SQL, not through the API): the lists and the
 * statistics a user and an administrator read, and the memory Crater needs meanwhile.
 */
final class ScaleJobsScenario {

  private static final String SCENARIO = "scale-jobs";
  private static final int USERS = 100;

  private final BenchSettings settings;

  ScaleJobsScenario(BenchSettings settings) {
    this.settings = settings;
  }

  List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    int stored = settings.scaled(1_000_000, 50_000);
    try (Stack stack = Stack.start(SCENARIO, settings, settings.nodes(), 110)) {
      List<Http> users = signUp(stack, USERS, "history");
      FinishedJobs history = new FinishedJobs(stack, settings);
      List<Long> userIds = history.userIds(USERS, "history");
      long fill = System.nanoTime();
      history.insert(userIds, stored);
      double fillSeconds = (System.nanoTime() - fill) / 1e9;
      String note = stored + " jobs stored, " + stored / USERS + " per user";
      rows.add(row(SCENARIO, "fill (batched SQL)", fillSeconds, "s", "", note));
      rows.add(row(SCENARIO, "fill rate", stored / fillSeconds, "rows/s", "", note));
      rows.addAll(reads(stack, users, note));
      rows.add(row(SCENARIO, "RSS with stored jobs", stack.rssBytes() / MIB, "MiB", "", note));
      rows.add(heap(SCENARIO, stack, note));
    }
    return rows;
  }

  private List<Row> reads(Stack stack, List<Http> users, String note) {
    int reads = settings.scaled(500, 100);
    List<Double> mine = new ArrayList<>();
    List<Double> myStatistics = new ArrayList<>();
    for (int i = 0; i < reads; i++) {
      Http user = users.get(i % USERS);
      mine.add(timed(() -> user.get("api/v1/jobs?size=50")));
      myStatistics.add(timed(() -> user.get("api/v1/jobs/statistics")));
    }
    Http admin = stack.admin();
    List<Double> all = ListsScenario.adminPages(admin, settings.scaled(200, 50));
    List<Double> allStatistics = new ArrayList<>();
    for (int i = 0; i < settings.scaled(100, 20); i++) {
      allStatistics.add(timed(() -> admin.get("api/v1/admin/jobs/statistics")));
    }
    List<Row> rows = new ArrayList<>();
    rows.addAll(percentiles("my jobs, page of 50", mine, "<= 100", note));
    rows.addAll(percentiles("admin all jobs, page of 50", all, "<= 100", note));
    rows.addAll(percentiles("my statistics", myStatistics, "<= 200", note));
    rows.addAll(percentiles("admin statistics", allStatistics, "<= 200", note));
    return rows;
  }

  private static List<Row> percentiles(String what, List<Double> ms, String target, String note) {
    return List.of(
        row(SCENARIO, what + " p50", Percentiles.of(ms, 50), "ms", "", note),
        row(SCENARIO, what + " p99", Percentiles.of(ms, 99), "ms", target, note));
  }
}
