package org.crater.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.WatchEvent;
import org.crater.sim.api.Watcher;

/** The macro scenarios; each runs against a fresh {@link Stack} and returns its rows. */
final class Scenarios {

  private static final double MIB = 1024.0 * 1024.0;
  private static final String PASSWORD = "benchmark password";

  private final BenchSettings settings;

  Scenarios(BenchSettings settings) {
    this.settings = settings;
  }

  static Map<String, Object> job(String slo, Map<String, String> resources, String script) {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "bench");
    job.put("kind", "BATCH");
    job.put("taskType", "TRAINING");
    job.put("slo", slo);
    job.put("image", "pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime");
    job.put("command", List.of("sh", "-c", script));
    job.put("resources", resources);
    return job;
  }

  static Map<String, String> gpus(int n) {
    return Map.of("cpu", "2", "memory", "8Gi", "nvidia.com/gpu", Integer.toString(n));
  }

  /** Ready time, memory at rest, submit → pod latency, sustained submission throughput. */
  List<Row> submit() throws Exception {
    List<Row> rows = new ArrayList<>();
    try (Stack stack = Stack.start("submit", settings, settings.nodes(), 110)) {
      rows.add(
          row("start", "time to ready", stack.readyIn().toMillis() / 1000.0, "s", "<= 20", ""));
      rows.add(
          row("start", "RSS at rest", stack.rssBytes() / MIB, "MiB", "", "Payara Micro, -Xmx512m"));
      rows.add(heap("start", stack, "at rest"));
      List<Http> users = signUp(stack, settings.clients(), "user");

      int count = settings.scaled(300, 50);
      Map<String, Long> submittedAt = new ConcurrentHashMap<>();
      Map<String, Long> createdAt = new ConcurrentHashMap<>();
      Watcher pods = stack.sim().store().subscribe(ResourceRegistry.PODS);
      Thread watch =
          new Thread(
              () -> {
                try {
                  while (!Thread.currentThread().isInterrupted()) {
                    WatchEvent event = pods.poll(200);
                    if (event != null && WatchEvent.ADDED.equals(event.type())) {
                      String name =
                          event.object().getAsJsonObject("metadata").get("name").getAsString();
                      createdAt.putIfAbsent(name, System.nanoTime());
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      watch.start();
      Map<String, Object> quick = job("GUARANTEED", gpus(1), "sleep 1");
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        Http.Reply reply = users.get(i % users.size()).post("api/v1/jobs", quick);
        if (reply.status() == 201) {
          submittedAt.put(WorkloadNames.objectName(reply.body().path("id").asLong(), 1), start);
        }
        Thread.sleep(50);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!createdAt.keySet().containsAll(submittedAt.keySet())
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      watch.interrupt();
      stack.sim().store().unwatch(pods);
      List<Double> latencies = new ArrayList<>();
      submittedAt.forEach(
          (name, start) -> {
            Long created = createdAt.get(name);
            if (created != null) {
              latencies.add((created - start) / 1e6);
            }
          });
      String sample = latencies.size() + " of " + submittedAt.size() + " jobs, 20/s, free quota";
      rows.add(
          row(
              "latency",
              "submit -> pod created p50",
              Percentiles.of(latencies, 50),
              "ms",
              "",
              sample));
      rows.add(
          row(
              "latency",
              "submit -> pod created p95",
              Percentiles.of(latencies, 95),
              "ms",
              "",
              sample));
      rows.add(
          row(
              "latency",
              "submit -> pod created p99",
              Percentiles.of(latencies, 99),
              "ms",
              "<= 500",
              sample));

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
      rows.add(
          row("throughput", "REST submit", accepted.get() / seconds, "jobs/s", ">= 1000", load));
      rows.add(
          row("throughput", "submit request p50", Percentiles.of(requestMs, 50), "ms", "", load));
      rows.add(
          row("throughput", "submit request p99", Percentiles.of(requestMs, 99), "ms", "", load));
      rows.add(row("throughput", "refused or failed", refused.get(), "requests", "", load));
      rows.add(row("throughput", "RSS under load", stack.rssBytes() / MIB, "MiB", "", ""));
      rows.add(heap("throughput", stack, "under load"));
    }
    return rows;
  }

  /** Admission pass time with many queued jobs over many users. */
  List<Row> admission() throws Exception {
    List<Row> rows = new ArrayList<>();
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
      List<Double> passes = new ArrayList<>();
      double lastCount = stack.metric("crater_scheduler_pass_count");
      Http nudger = users.get(0);
      long end = System.nanoTime() + Duration.ofSeconds(settings.scaled(30, 10)).toNanos();
      while (System.nanoTime() < end) {
        nudger.post("api/v1/jobs", big); // each submission asks for a pass
        Thread.sleep(250);
        double count = stack.metric("crater_scheduler_pass_count");
        if (count > lastCount) {
          passes.add(stack.metric("crater_scheduler_last_pass_seconds") * 1000);
          lastCount = count;
        }
      }
      String note =
          (long) depth + " queued over " + userCount + " users, " + passes.size() + " passes";
      rows.add(row("admission", "pass p50", Percentiles.of(passes, 50), "ms", "", note));
      rows.add(row("admission", "pass p99", Percentiles.of(passes, 99), "ms", "<= 100", note));
      rows.add(row("admission", "RSS with queue", stack.rssBytes() / MIB, "MiB", "", note));
      rows.add(heap("admission", stack, note));
    }
    return rows;
  }

  /** Full resync of many running jobs, then a burst of pod-status changes. */
  List<Row> reconcile() throws Exception {
    List<Row> rows = new ArrayList<>();
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

      // The periodic resync (every 30 s) queues every unfinished job: time how long it drains.
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
      rows.add(
          row(
              "reconcile",
              "full resync",
              drained == 0 ? Double.NaN : (drained - rise) / 1e9,
              "s",
              "",
              jobs + " running jobs"));

      long burst = System.nanoTime();
      int ended = stack.sim().finishRunningPods("crater-jobs", 0);
      awaitCount(admin, "SUCCEEDED", jobs, Duration.ofSeconds(180));
      double seconds = (System.nanoTime() - burst) / 1e9;
      rows.add(
          row(
              "reconcile",
              "pod-status events",
              ended / seconds,
              "events/s",
              ">= 1000",
              ended + " pods ended at once, until all jobs Succeeded in the database"));
    }
    return rows;
  }

  /** List and detail latency with many stored jobs. */
  List<Row> lists() throws Exception {
    List<Row> rows = new ArrayList<>();
    int stored = settings.scaled(100_000, 10_000);
    int userCount = 100;
    try (Stack stack = Stack.start("lists", settings, settings.nodes(), 110)) {
      List<Http> users = signUp(stack, userCount, "reader");
      List<Long> userIds = userIds(stack, userCount, "reader");
      Map<Long, List<Long>> jobsOf = insertFinishedJobs(stack, userIds, stored);

      int reads = settings.scaled(500, 100);
      List<Double> list = new ArrayList<>();
      List<Double> detail = new ArrayList<>();
      for (int i = 0; i < reads; i++) {
        Http user = users.get(i % userCount);
        List<Long> mine = jobsOf.get(userIds.get(i % userCount));
        list.add(timed(() -> user.get("api/v1/jobs?size=50")));
        detail.add(
            timed(() -> user.get("api/v1/jobs/" + mine.get((int) (Math.random() * mine.size())))));
      }
      Http admin = stack.admin();
      List<Double> all = new ArrayList<>();
      for (int i = 0; i < settings.scaled(200, 50); i++) {
        String page = "api/v1/admin/jobs?size=50&page=" + (i % 20);
        all.add(timed(() -> admin.get(page)));
      }
      String note = stored + " jobs stored, " + stored / userCount + " per user";
      for (var e :
          List.of(
              Map.entry("my jobs, page of 50", list),
              Map.entry("job detail", detail),
              Map.entry("admin all jobs, page of 50", all))) {
        List<Double> ms = e.getValue();
        rows.add(row("lists", e.getKey() + " p50", Percentiles.of(ms, 50), "ms", "", note));
        rows.add(row("lists", e.getKey() + " p99", Percentiles.of(ms, 99), "ms", "<= 50", note));
      }
      rows.add(row("lists", "RSS with stored jobs", stack.rssBytes() / MIB, "MiB", "", note));
      rows.add(heap("lists", stack, note));
    }
    return rows;
  }

  /** The database ids of the users {@code prefix-0} ... in sign-up order. */
  private List<Long> userIds(Stack stack, int count, String prefix) throws Exception {
    Map<String, Long> ids = new HashMap<>();
    try (Connection db = stack.database(settings);
        PreparedStatement q =
            db.prepareStatement("SELECT username, id FROM crater_user WHERE username LIKE ?")) {
      q.setString(1, prefix + "-%");
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          ids.put(r.getString(1), r.getLong(2));
        }
      }
    }
    List<Long> ordered = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ordered.add(ids.get(prefix + "-" + i));
    }
    return ordered;
  }

  /** Writes finished jobs straight into the database (what months of use leave behind). */
  private Map<Long, List<Long>> insertFinishedJobs(Stack stack, List<Long> userIds, int count)
      throws Exception {
    Map<Long, List<Long>> jobsOf = new HashMap<>();
    try (Connection db = stack.database(settings)) {
      long account;
      try (Statement s = db.createStatement();
          ResultSet r = s.executeQuery("SELECT id FROM crater_account WHERE name = 'default'")) {
        r.next();
        account = r.getLong(1);
      }
      db.setAutoCommit(false);
      String sql =
          "INSERT INTO crater_job (id, name, owner_id, account_id, kind, task_type, slo, image,"
              + " command, args, env, resources, gpu_model, replicas, mounts, phase, reason,"
              + " attempt, preemptions, submitted_at, admitted_at, started_at, finished_at,"
              + " exit_code, nodes, version) VALUES (?, 'history', ?, ?, 'BATCH', 'TRAINING',"
              + " 'BEST_EFFORT', 'pytorch/pytorch:2.4.0', '[\"python\",\"train.py\"]', '[]',"
              + " '{}', 'cpu=2000;memory=8589934592;nvidia.com/gpu=1', 'A100', 1, '[]',"
              + " 'SUCCEEDED', 'Completed', 1, 0, ?, ?, ?, ?, 0, 'a100-node-0', 1)";
      Instant now = Instant.now();
      try (PreparedStatement insert = db.prepareStatement(sql)) {
        for (int i = 0; i < count; i++) {
          long id = 10_000_000L + i;
          long owner = userIds.get(i % userIds.size());
          jobsOf.computeIfAbsent(owner, o -> new ArrayList<>()).add(id);
          Instant submitted = now.minusSeconds(30L * 24 * 3600 * (count - i) / count);
          insert.setLong(1, id);
          insert.setLong(2, owner);
          insert.setLong(3, account);
          insert.setTimestamp(4, Timestamp.from(submitted));
          insert.setTimestamp(5, Timestamp.from(submitted.plusSeconds(1)));
          insert.setTimestamp(6, Timestamp.from(submitted.plusSeconds(5)));
          insert.setTimestamp(7, Timestamp.from(submitted.plusSeconds(600)));
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
            db.commit();
          }
        }
        insert.executeBatch();
        db.commit();
      }
    }
    return jobsOf;
  }

  private List<Http> signUp(Stack stack, int count, String prefix) throws InterruptedException {
    Http anonymous = stack.anonymous();
    List<Http> users =
        Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, null)));
    AtomicInteger next = new AtomicInteger();
    parallel(
        Math.min(8, count),
        t -> {
          for (int i; (i = next.getAndIncrement()) < count; ) {
            users.set(i, anonymous.signUp(prefix + "-" + i, PASSWORD));
          }
        });
    return new ArrayList<>(users);
  }

  private static void awaitCount(Http admin, String phase, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode page = admin.get("api/v1/admin/jobs?size=1&phase=" + phase).body();
      if (page.path("total").asLong() >= count) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "fewer than " + count + " jobs reached " + phase + " in " + timeout);
  }

  private static void awaitMetricAtLeast(Stack stack, String metric, double value, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!(stack.metric(metric) >= value)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(metric + " never reached " + value);
      }
      Thread.sleep(250);
    }
  }

  private static double timed(java.util.function.Supplier<Http.Reply> call) {
    long t = System.nanoTime();
    Http.Reply reply = call.get();
    if (reply.status() != 200) {
      throw new IllegalStateException("read failed: " + reply.status() + " " + reply.text());
    }
    return (System.nanoTime() - t) / 1e6;
  }

  private static void parallel(int threads, IntConsumerWithException body)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicBoolean failed = new AtomicBoolean();
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      int index = t;
      pool.execute(
          () -> {
            try {
              body.accept(index);
            } catch (Exception e) {
              failed.set(true);
              errors.add(e);
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
      pool.shutdownNow();
      throw new IllegalStateException("a benchmark phase did not end in 30 minutes");
    }
    if (failed.get()) {
      throw new IllegalStateException("a client failed: " + errors.get(0), errors.get(0));
    }
  }

  @FunctionalInterface
  private interface IntConsumerWithException {
    void accept(int index) throws Exception;
  }

  private static Row heap(String scenario, Stack stack, String note) {
    return row(
        scenario, "heap used", stack.metric("memory_usedHeap_bytes") / MIB, "MiB", "<= 512", note);
  }

  private static Row row(
      String scenario, String metric, double value, String unit, String target, String note) {
    return new Row(scenario, metric, value, unit, target, note);
  }
}
