package org.crater.bench;

import static org.crater.bench.ScenarioSupport.MIB;
import static org.crater.bench.ScenarioSupport.heap;
import static org.crater.bench.ScenarioSupport.row;
import static org.crater.bench.ScenarioSupport.signUp;
import static org.crater.bench.ScenarioSupport.timed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** List and detail latency with many stored jobs. */
final class ListsScenario {

  private static final int USERS = 100;

  private final BenchSettings settings;

  ListsScenario(BenchSettings settings) {
    this.settings = settings;
  }

  List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    int stored = settings.scaled(100_000, 10_000);
    try (Stack stack = Stack.start("lists", settings, settings.nodes(), 110)) {
      List<Http> users = signUp(stack, USERS, "reader");
      FinishedJobs history = new FinishedJobs(stack, settings);
      List<Long> userIds = history.userIds(USERS, "reader");
      Map<Long, List<Long>> jobsOf = history.insert(userIds, stored);

      int reads = settings.scaled(500, 100);
      List<Double> list = new ArrayList<>();
      List<Double> detail = new ArrayList<>();
      for (int i = 0; i < reads; i++) {
        Http user = users.get(i % USERS);
        List<Long> mine = jobsOf.get(userIds.get(i % USERS));
        list.add(timed(() -> user.get("api/v1/jobs?size=50")));
        detail.add(
            timed(() -> user.get("api/v1/jobs/" + mine.get((int) (Math.random() * mine.size())))));
      }
      List<Double> all = adminPages(stack.admin(), settings.scaled(200, 50));
      String note = stored + " jobs stored, " + stored / USERS + " per user";
      rows.addAll(percentiles("my jobs, page of 50", list, note));
      rows.addAll(percentiles("job detail", detail, note));
      rows.addAll(percentiles("admin all jobs, page of 50", all, note));
      rows.add(row("lists", "RSS with stored jobs", stack.rssBytes() / MIB, "MiB", "", note));
      rows.add(heap("lists", stack, note));
    }
    return rows;
  }

  /** Times {@code reads} reads of the admin's list, pages 0 to 19 in turn. */
  static List<Double> adminPages(Http admin, int reads) {
    List<Double> all = new ArrayList<>();
    for (int i = 0; i < reads; i++) {
      String page = "api/v1/admin/jobs?size=50&page=" + (i % 20);
      all.add(timed(() -> admin.get(page)));
    }
    return all;
  }

  private static List<Row> percentiles(String what, List<Double> ms, String note) {
    return List.of(
        row("lists", what + " p50", Percentiles.of(ms, 50), "ms", "", note),
        row("lists", what + " p99", Percentiles.of(ms, 99), "ms", "<= 50", note));
  }
}
