package org.crater.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MariaDB's own commit rate on this machine, with the durability Crater runs with (the server's
 * settings as they are, every transaction committed on its own connection): the ceiling that REST
 * submission throughput is held against. Each transaction writes what a submission writes — a job
 * row (a ~1 KiB specification) and its first event — from plain JDBC, with nothing else running.
 * Measured with one connection, with as many connections as the benchmark has clients, and with
 * those connections each committing several jobs at once (what sharing one commit between requests
 * could reach at best).
 */
final class CommitCeiling {

  private static final int JOBS_PER_SHARED_COMMIT = 16;
  private static final String SPEC = "x".repeat(1024);

  private final BenchSettings settings;
  private final String db;

  CommitCeiling(BenchSettings settings) {
    this.settings = settings;
    this.db = settings.database() + "_ceiling";
  }

  /** The ceiling rows: jobs/s committed by MariaDB alone, and its durability settings. */
  List<Row> run() throws Exception {
    String durability = createDatabase();
    Duration each = Duration.ofSeconds(settings.scaled(10, 3));
    int clients = settings.clients();
    List<Row> rows = new ArrayList<>();
    rows.add(ceiling("1 connection, 1 job per commit", 1, 1, each, durability));
    rows.add(ceiling(clients + " connections, 1 job per commit", clients, 1, each, durability));
    rows.add(
        ceiling(
            clients + " connections, " + JOBS_PER_SHARED_COMMIT + " jobs per commit",
            clients,
            JOBS_PER_SHARED_COMMIT,
            each,
            durability));
    try (Connection c = root();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
    }
    return rows;
  }

  /**
   * REST submission throughput as a share of the ceiling with as many connections as clients, when
   * both were measured in this run; else nothing.
   */
  static List<Row> shareOf(List<Row> rows, int clients) {
    String ceiling = "MariaDB commits: " + clients + " connections, 1 job per commit";
    double rest = value(rows, "REST submit");
    double max = value(rows, ceiling);
    if (Double.isNaN(rest) || Double.isNaN(max)) {
      return List.of();
    }
    return List.of(
        new Row(
            "ratio",
            "REST submit / MariaDB commit ceiling",
            100 * rest / max,
            "%",
            "",
            "the share of the database's own commit rate the whole request path reaches"));
  }

  private static double value(List<Row> rows, String metric) {
    return rows.stream()
        .filter(r -> r.metric().equals(metric))
        .mapToDouble(Row::value)
        .findFirst()
        .orElse(Double.NaN);
  }

  private Row ceiling(String how, int connections, int perCommit, Duration each, String durability)
      throws Exception {
    AtomicLong jobs = new AtomicLong();
    long end = System.nanoTime() + each.toNanos();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        running.add(pool.submit(() -> commitUntil(end, perCommit, jobs)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Row(
        "ceiling",
        "MariaDB commits: " + how,
        jobs.get() / seconds,
        "jobs/s",
        "",
        "job + event per job, plain JDBC, " + durability);
  }

  private Void commitUntil(long end, int perCommit, AtomicLong jobs) throws SQLException {
    try (Connection c = DriverManager.getConnection(settings.jdbcBase() + db, "root", "");
        PreparedStatement job =
            c.prepareStatement(
                "INSERT INTO bench_job (owner_id, phase, spec, submitted_at) VALUES (?, ?, ?,"
                    + " NOW(6))",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement event =
            c.prepareStatement(
                "INSERT INTO bench_event (job_id, phase, at) VALUES (?, 'QUEUEING', NOW(6))")) {
      c.setAutoCommit(false);
      while (System.nanoTime() < end) {
        for (int i = 0; i < perCommit; i++) {
          job.setLong(1, Thread.currentThread().getId());
          job.setString(2, "QUEUEING");
          job.setString(3, SPEC);
          job.executeUpdate();
          try (ResultSet key = job.getGeneratedKeys()) {
            key.next();
            event.setLong(1, key.getLong(1));
          }
          event.executeUpdate();
        }
        c.commit();
        jobs.addAndGet(perCommit);
      }
    }
    return null;
  }

  /** A fresh database with a job-shaped and an event-shaped table; returns the durability. */
  private String createDatabase() throws SQLException {
    try (Connection c = root();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
      s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      s.execute(
          "CREATE TABLE "
              + db
              + ".bench_job (id BIGINT AUTO_INCREMENT PRIMARY KEY, owner_id BIGINT NOT NULL,"
              + " phase VARCHAR(16) NOT NULL, spec TEXT NOT NULL, submitted_at DATETIME(6) NOT"
              + " NULL, INDEX (owner_id, phase)) ENGINE=InnoDB");
      s.execute(
          "CREATE TABLE "
              + db
              + ".bench_event (id BIGINT AUTO_INCREMENT PRIMARY KEY, job_id BIGINT NOT NULL,"
              + " phase VARCHAR(16) NOT NULL, at DATETIME(6) NOT NULL, INDEX (job_id))"
              + " ENGINE=InnoDB");
      try (ResultSet r =
          s.executeQuery(
              "SELECT @@innodb_flush_log_at_trx_commit, @@sync_binlog, @@log_bin,"
                  + " @@innodb_doublewrite")) {
        r.next();
        return "innodb_flush_log_at_trx_commit="
            + r.getString(1)
            + " sync_binlog="
            + r.getString(2)
            + " log_bin="
            + r.getString(3)
            + " doublewrite="
            + r.getString(4);
      }
    }
  }

  private Connection root() throws SQLException {
    return DriverManager.getConnection(settings.jdbcBase(), "root", "");
  }
}
