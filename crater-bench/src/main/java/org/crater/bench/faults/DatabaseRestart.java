package org.crater.bench.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;

/**
 * MariaDB killed with SIGKILL and started again in the middle of a burst of submissions. Runs a
 * private MariaDB server (own port and data directory), an in-process simulated cluster and Payara
 * Micro with the built war, then checks: while the database was down clients got 503 with
 * Retry-After (no 500, no request without an answer), every accepted job is stored exactly once,
 * none has two live pods, and all accepted jobs end within 30 s of the database coming back. Prints
 * a short report; exits 1 when a check fails.
 *
 * <p>Settings (system properties): {@code crater.faults.target} (the directory with crater.war and
 * payara-micro.jar, default {@code crater-web/target}), {@code crater.faults.clients} (4), {@code
 * crater.faults.pause-ms} between a client's submissions (100), {@code crater.faults.before-s},
 * {@code crater.faults.down-s} and {@code crater.faults.after-s} (5, 10, 5).
 */
public final class DatabaseRestart {

  private static final String NAMESPACE = "crater-jobs";
  private static final Duration CONVERGENCE = Duration.ofSeconds(30);
  private static final Duration REQUEST_BOUND = Duration.ofSeconds(30);

  private final Path target =
      Path.of(System.getProperty("crater.faults.target", "crater-web/target"));
  private final int clients = Integer.getInteger("crater.faults.clients", 4);
  private final Duration pause =
      Duration.ofMillis(Integer.getInteger("crater.faults.pause-ms", 100));
  private final Duration before =
      Duration.ofSeconds(Integer.getInteger("crater.faults.before-s", 5));
  private final Duration down = Duration.ofSeconds(Integer.getInteger("crater.faults.down-s", 10));
  private final Duration after = Duration.ofSeconds(Integer.getInteger("crater.faults.after-s", 5));
  private final List<String> failures = new ArrayList<>();

  private DatabaseRestart() {}

  public static void main(String[] args) throws Exception {
    System.exit(new DatabaseRestart().run() ? 0 : 1);
  }

  private boolean run() throws Exception {
    Path work = Files.createTempDirectory("crater-db-restart-");
    System.out.println("database restart: work dir " + work);
    try (PrivateMariaDb db =
            PrivateMariaDb.install(work.resolve("mariadb"), CraterProcess.freePort());
        SimCluster sim = startCluster()) {
      db.createDatabase("crater", "crater", "crater");
      try (CraterProcess crater = CraterProcess.start(target, work, environment(db, sim))) {
        exercise(db, sim, new HttpJson(crater.base(), REQUEST_BOUND));
      }
    }
    System.out.println("result: " + (failures.isEmpty() ? "PASS" : "FAIL"));
    failures.forEach(f -> System.out.println("  " + f));
    if (failures.isEmpty()) {
      delete(work);
    } else {
      System.out.println("Crater's log: " + work.resolve("crater.log"));
    }
    return failures.isEmpty();
  }

  /** The burst with the kill and restart in its middle, then the checks. */
  private void exercise(PrivateMariaDb db, SimCluster sim, HttpJson api) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      tokens.add(
          api.signUpAndLogIn(
              "burst-" + UUID.randomUUID().toString().substring(0, 8), "burst-password-1"));
    }
    long start = System.nanoTime();
    Burst burst = new Burst(api, tokens, pause, start);
    burst.start();
    Thread.sleep(before.toMillis());
    long killedMs = sinceMs(start);
    db.kill();
    Thread.sleep(down.toMillis());
    db.start();
    long backMs = sinceMs(start);
    Thread.sleep(after.toMillis());
    List<Burst.Outcome> outcomes = burst.stop();
    Ledger ledger = awaitConvergence(db, sim, outcomes, start, backMs);
    report(outcomes, ledger, killedMs, backMs);
  }

  /** Waits until every accepted job has ended; records a failure past the convergence bound. */
  private Ledger awaitConvergence(
      PrivateMariaDb db, SimCluster sim, List<Burst.Outcome> outcomes, long start, long backMs)
      throws Exception {
    List<Long> accepted =
        outcomes.stream().filter(Burst.Outcome::accepted).map(Burst.Outcome::jobId).toList();
    long deadlineMs = backMs + CONVERGENCE.toMillis();
    try (Connection c = db.root("crater")) {
      while (true) {
        Ledger ledger = Ledger.read(c, sim, NAMESPACE);
        if (ledger.allSucceeded(accepted)) {
          System.out.printf(
              "converged: all %d accepted jobs SUCCEEDED %.1f s after the database was back%n",
              accepted.size(), (sinceMs(start) - backMs) / 1000.0);
          return ledger;
        }
        if (sinceMs(start) > deadlineMs) {
          failures.add("accepted jobs did not all end within " + CONVERGENCE.toSeconds() + " s");
          return ledger;
        }
        Thread.sleep(250);
      }
    }
  }

  private void report(List<Burst.Outcome> outcomes, Ledger ledger, long killedMs, long backMs) {
    Map<String, Long> byAnswer =
        outcomes.stream()
            .collect(
                Collectors.groupingBy(
                    o -> o.status() + (o.code().isEmpty() ? "" : " " + o.code()),
                    TreeMap::new,
                    Collectors.counting()));
    System.out.printf(
        "database: killed at %.1f s, accepting connections again at %.1f s%n",
        killedMs / 1000.0, backMs / 1000.0);
    System.out.println("submissions: " + outcomes.size() + " " + byAnswer);
    reportOutage(outcomes, killedMs, backMs);
    System.out.println(
        "stored without a 201: "
            + ledger.storedWithoutAnswer(outcomes)
            + ", requeued: "
            + ledger.requeued());
    outcomes.stream()
        .filter(o -> !o.accepted() && !o.unavailable())
        .limit(10)
        .forEach(o -> failures.add("unclear answer: " + o));
    failures.addAll(ledger.problems(outcomes));
  }

  private void reportOutage(List<Burst.Outcome> outcomes, long killedMs, long backMs) {
    List<Burst.Outcome> unavailable = outcomes.stream().filter(Burst.Outcome::unavailable).toList();
    long slowest = outcomes.stream().mapToLong(Burst.Outcome::millis).max().orElse(0);
    if (unavailable.isEmpty()) {
      failures.add("no client saw 503 while the database was down");
    } else {
      System.out.printf(
          "503 + Retry-After: %d answers from %.1f s to %.1f s; slowest answer of the run %d ms%n",
          unavailable.size(),
          unavailable.get(0).atMs() / 1000.0,
          unavailable.get(unavailable.size() - 1).atMs() / 1000.0,
          slowest);
    }
    outcomes.stream()
        .filter(o -> o.accepted() && o.atMs() > backMs)
        .findFirst()
        .ifPresentOrElse(
            o ->
                System.out.printf(
                    "first 201 after the database was back: +%d ms%n", o.atMs() - backMs),
            () -> failures.add("no job was accepted after the database came back"));
    if (outcomes.stream().noneMatch(o -> o.accepted() && o.atMs() < killedMs)) {
      failures.add("no job was accepted before the database was killed");
    }
  }

  private static SimCluster startCluster() throws Exception {
    return SimCluster.start(
        SimConfig.builder()
            .port(CraterProcess.freePort())
            .nodePool(NodePool.parse("8:A100:8", "64", "512Gi"))
            .namespace(NAMESPACE)
            .build());
  }

  private static Map<String, String> environment(PrivateMariaDb db, SimCluster sim) {
    return Map.of(
        "CRATER_DB_CLASS", "com.mysql.cj.jdbc.MysqlDataSource",
        "CRATER_DB_URL", db.jdbcUrl("crater"),
        "CRATER_DB_USER", "crater",
        "CRATER_DB_PASSWORD", "crater",
        "CRATER_K8S_URL", sim.url(),
        "CRATER_AUTH_SIGNUP_ENABLED", "true",
        "CRATER_AUTH_ADDRESS_ATTEMPTS", "100000",
        "CRATER_AUTH_JWT_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static long sinceMs(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
