package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro replicas (the built war) on one MariaDB database and one simulated cluster, in
 * different time zones, with a short Lease (6 s). The leader is killed with SIGKILL during a burst
 * of submissions and, later, frozen with SIGSTOP for twice the Lease; meanwhile a sampler checks
 * without pause that no user or account ever holds more guaranteed resources than its quota and
 * that no job has pods of two attempts at once. A cancel sent to the replica that does not lead
 * must remove the pods within 2 s. {@code -Dcrater.it.soak=N} repeats the kill and freeze N times
 * and reports the worst failover.
 */
class TwoReplicasIT {

  static final Duration LEASE = Duration.ofSeconds(6);
  private static final String PASSWORD = "correct horse 3";
  private static final Duration FAILOVER_BOUND = LEASE.plusSeconds(5);

  private SimCluster sim;
  private Replicas replicas;
  private ReplicaWatch watch;
  private final List<Api> users = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    sim =
        SimCluster.start(
            SimConfig.builder()
                .port(CraterProcess.freePort())
                .nodePool(NodePool.parse("4:A100:8", "64", "512Gi"))
                .namespace("crater-jobs")
                .build());
    replicas = new Replicas(sim.url(), System.getProperty("crater.it.replicas.db.url"));
    replicas.start("replica-a", "Asia/Shanghai");
    replicas.start("replica-b", "America/New_York");
    replicas.awaitLeader(Duration.ofSeconds(60));
    for (int i = 0; i < 4; i++) {
      users.add(replicas.any().signUpAndLogIn("pair", PASSWORD));
    }
    watch = ReplicaWatch.start(replicas, sim);
  }

  @AfterEach
  void stop() throws Exception {
    if (watch != null) {
      watch.close();
    }
    if (replicas != null) {
      replicas.close();
    }
    sim.close();
  }

  @Test
  void oneFencedLeaderThroughKillsAndFreezes() throws Exception {
    int cycles = Integer.getInteger("crater.it.soak", 1);
    Set<Long> accepted = ConcurrentHashMap.newKeySet();
    List<Duration> failovers = new ArrayList<>();
    for (int cycle = 0; cycle < cycles; cycle++) {
      failovers.add(killTheLeaderDuringABurst(accepted));
      failovers.add(freezeTheLeader(accepted));
    }
    Duration cancel = cancelOnTheFollower();
    List<Duration> delays = submitOnTheFollower(40);

    awaitAllEnded(accepted);
    assertThat(watch.violations()).as("quota and attempt violations sampled").isEmpty();
    assertThat(watch.samples()).as("samples taken").isGreaterThan(100);
    assertThat(replicas.storedJobIds()).as("every accepted job, once").containsAll(accepted);
    assertThat(watch.podsCreatedTwice()).as("pods created twice").isEmpty();
    Duration worst = failovers.stream().max(Duration::compareTo).orElseThrow();
    assertThat(worst).isLessThanOrEqualTo(FAILOVER_BOUND);
    assertThat(cancel).isLessThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(percentile(delays, 99)).isLessThanOrEqualTo(Duration.ofSeconds(1));
    System.out.printf(
        "two replicas: %d cycles, %d jobs accepted, worst failover %d ms (bound %d ms),"
            + " cancel on the follower -> pods gone in %d ms, submit on the follower -> pod"
            + " p50 %d ms p99 %d ms max %d ms (%d jobs), %d samples%n",
        cycles,
        accepted.size(),
        worst.toMillis(),
        FAILOVER_BOUND.toMillis(),
        cancel.toMillis(),
        percentile(delays, 50).toMillis(),
        percentile(delays, 99).toMillis(),
        percentile(delays, 100).toMillis(),
        delays.size(),
        watch.samples());
  }

  /** Kills the leader in a burst through both replicas; returns how long until the other leads. */
  private Duration killTheLeaderDuringABurst(Set<Long> accepted) throws Exception {
    try (Burst burst = Burst.start(users, replicas, accepted)) {
      burst.awaitAccepted(20);
      String dead = replicas.leader();
      long killed = System.nanoTime();
      replicas.kill(dead);
      String next = replicas.awaitLeader(FAILOVER_BOUND.plusSeconds(10));
      Duration failover = Duration.ofNanos(System.nanoTime() - killed);
      assertThat(next).isNotEqualTo(dead);
      burst.awaitAccepted(20);
      replicas.start(dead, "UTC");
      return failover;
    }
  }

  /**
   * Freezes the leader for twice the Lease, with a write stranded between its check of the epoch
   * and its commit, while the burst goes on through the other replica; returns how long until the
   * other leads. The frozen one, thawed, must write nothing more.
   */
  private Duration freezeTheLeader(Set<Long> accepted) throws Exception {
    try (Burst burst = Burst.start(users, replicas, accepted)) {
      burst.awaitAccepted(10);
      String frozen = replicas.leader();
      long oldEpoch = replicas.epoch();
      long stopped = System.nanoTime();
      String next;
      try (Connection stranded = replicas.strandedWrite()) {
        replicas.freeze(frozen);
        next = replicas.awaitLeader(FAILOVER_BOUND.plusSeconds(10));
        assertThat(stranded.isValid(2))
            .as("a write stranded mid-commit, ended by the claim")
            .isFalse();
      }
      Duration failover = Duration.ofNanos(System.nanoTime() - stopped);
      long writesUnderOldEpoch = replicas.movesUnder(oldEpoch);
      Thread.sleep(
          Math.max(0, LEASE.multipliedBy(2).toNanos() - (System.nanoTime() - stopped)) / 1_000_000);
      replicas.thaw(frozen);
      burst.awaitAccepted(10);
      Awaitility.await(frozen + " steps down")
          .atMost(Duration.ofSeconds(20))
          .until(() -> !replicas.leads(frozen));

      assertThat(next).isNotEqualTo(frozen);
      assertThat(replicas.movesUnder(oldEpoch))
          .as("moves made under the frozen leader's epoch after the other took over")
          .isEqualTo(writesUnderOldEpoch);
      return failover;
    }
  }

  /**
   * A running job cancelled through the replica that does not lead; returns until pods are gone.
   */
  private Duration cancelOnTheFollower() throws Exception {
    Api owner = replicas.any().signUpAndLogIn("canceller", PASSWORD); // an empty queue of its own
    Reply submitted = replicas.viaLeader(owner).post("api/v1/jobs", job("GUARANTEED", "sleep 300"));
    assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
    long id = submitted.body().path("id").asLong();
    Awaitility.await("job " + id + " running")
        .atMost(Duration.ofSeconds(60))
        .until(() -> watch.podsOf(id) > 0);

    long sent = System.nanoTime();
    Reply cancelled = replicas.viaFollower(owner).delete("api/v1/jobs/" + id);
    Awaitility.await("pods of job " + id + " gone")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> watch.podsOf(id) == 0);
    Duration took = Duration.ofNanos(System.nanoTime() - sent);
    assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
    return took;
  }

  /**
   * Jobs submitted one at a time through the replica that does not lead, each with free quota;
   * returns, for each, the time from its 201 to its pod: the change feed's delay plus the leader's
   * admission and pod creation.
   */
  private List<Duration> submitOnTheFollower(int jobs) throws Exception {
    Api owner = replicas.any().signUpAndLogIn("follower", PASSWORD); // an empty queue of its own
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      Reply submitted =
          replicas.viaFollower(owner).post("api/v1/jobs", job("GUARANTEED", "sleep 300"));
      long acknowledged = System.nanoTime();
      assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
      long id = submitted.body().path("id").asLong();
      Awaitility.await("pod of job " + id)
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> watch.created(id));
      delays.add(Duration.ofNanos(System.nanoTime() - acknowledged));
      replicas.viaFollower(owner).delete("api/v1/jobs/" + id); // its quota for the next one
    }
    return delays;
  }

  private static Duration percentile(List<Duration> values, int p) {
    List<Duration> sorted = values.stream().sorted().toList();
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private void awaitAllEnded(Set<Long> accepted) {
    Awaitility.await("every accepted job ends")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> replicas.unfinished(accepted) == 0);
  }

  static Map<String, Object> job(String slo, String script) {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "pair");
    job.put("kind", "BATCH");
    job.put("taskType", "EXPERIMENT");
    job.put("slo", slo);
    job.put("image", "busybox:1.36");
    job.put("command", List.of("sh", "-c", script));
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi", "nvidia.com/gpu", "1"));
    return job;
  }

  /**
   * Users submitting without pause through both replicas, each to the other when one fails, at most
   * {@link #AHEAD} jobs beyond what the test last waited for: more would only queue behind the
   * users' quotas and outlast the test.
   */
  private static final class Burst implements AutoCloseable {

    private static final int AHEAD = 20;
    private volatile int allowed;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService clients;
    private final Set<Long> accepted;
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();

    private Burst(List<Api> users, Replicas replicas, Set<Long> accepted) {
      this.accepted = accepted;
      this.clients = Executors.newFixedThreadPool(users.size());
      for (int u = 0; u < users.size(); u++) {
        Api user = users.get(u);
        String slo = u % 2 == 0 ? "GUARANTEED" : "BEST_EFFORT";
        clients.execute(() -> submit(user, replicas, slo));
      }
    }

    static Burst start(List<Api> users, Replicas replicas, Set<Long> accepted) {
      return new Burst(users, replicas, accepted);
    }

    private void submit(Api user, Replicas replicas, String slo) {
      for (int n = 0; !stop.get(); n++) {
        try {
          if (mine.size() >= allowed) {
            Thread.sleep(20);
            continue;
          }
          Reply reply =
              replicas
                  .nth(user, n)
                  .within(Duration.ofSeconds(5))
                  .post("api/v1/jobs", job(slo, "sleep 2"));
          if (reply.status() == 201) {
            long id = reply.body().path("id").asLong();
            accepted.add(id);
            mine.add(id);
          }
        } catch (IllegalStateException unreachable) {
          // that replica is down or frozen: the next request goes to the other
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void awaitAccepted(int more) {
      int target = mine.size() + more;
      allowed = target + AHEAD;
      Awaitility.await("submissions accepted")
          .atMost(Duration.ofSeconds(60))
          .until(() -> mine.size() >= target);
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      clients.shutdown();
      clients.awaitTermination(30, TimeUnit.SECONDS);
    }
  }
}
