package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.crater.sim.api.ResourceRegistry;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cluster's API server misbehaves in the middle of a burst of submissions: it answers 5xx for a
 * while, drops every watch, or answers 409 AlreadyExists to creates it carried out. Afterwards
 * every accepted job is stored once, has run exactly once (one pod, its first attempt) and has
 * ended within 30 s, and every client request got an answer: a success or a problem document (503
 * with Retry-After), never a hang. One Payara Micro process of its own, its own MariaDB database
 * and its own simulated cluster serve the three cases; each case has users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterFaultsIT {

  private static final String PASSWORD = "correct horse 3";
  private static final String NAMESPACE = "crater-jobs";
  private static final int JOBS = 30;
  private static final Duration CONVERGENCE = Duration.ofSeconds(30);
  private static final Duration REQUEST_LIMIT = Duration.ofSeconds(20);

  private SimCluster sim;
  private CraterProcess backend;

  /** What the clients of one burst saw. */
  private record Burst(List<Api> users, Set<Long> accepted, List<String> unclear, long healedAt) {}

  @BeforeAll
  void start() throws IOException {
    sim =
        SimCluster.start(
            SimConfig.builder()
                .port(CraterProcess.freePort())
                .nodePool(NodePool.parse("4:A100:8", "64", "512Gi"))
                .namespace(NAMESPACE)
                .build());
    backend =
        CraterProcess.start(
            "cluster-faults",
            Map.of(
                "CRATER_DB_URL", System.getProperty("crater.it.faults.db.url"),
                "CRATER_K8S_URL", sim.url()));
  }

  @AfterEach
  void heal() {
    sim.failNextRequests(0, 500);
    sim.loseNextCreateAnswers(0);
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (backend != null) {
      backend.close();
    }
    sim.close();
  }

  @Test
  void serverErrorsForAWhileLoseNothingAndRunEveryJobOnce() {
    Burst burst =
        burst(
            () -> {
              failFor(Duration.ofSeconds(3), 500);
              failFor(Duration.ofSeconds(3), 503);
            });

    assertEveryAcceptedJobRanOnce(burst, "5xx");
  }

  @Test
  void droppedWatchesLoseNothingAndRunEveryJobOnce() {
    Burst burst =
        burst(
            () -> {
              for (int i = 0; i < 3; i++) {
                sim.dropWatches();
                pause(Duration.ofSeconds(1));
              }
            });

    assertEveryAcceptedJobRanOnce(burst, "dropped watches");
  }

  @Test
  void createsAnsweredAlreadyExistsCountAsCreated() {
    Burst burst = burst(() -> sim.loseNextCreateAnswers(JOBS / 2));

    assertEveryAcceptedJobRanOnce(burst, "409 on create");
  }

  /**
   * Two users submit {@link #JOBS} jobs between them while a third client reads the node inventory
   * and the job list; {@code fault} runs once a few jobs are in.
   */
  private Burst burst(Runnable fault) {
    List<Api> users = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      users.add(Api.at(backend.base()).within(REQUEST_LIMIT).signUpAndLogIn("faults", PASSWORD));
    }
    Set<Long> accepted = ConcurrentHashMap.newKeySet();
    ConcurrentLinkedQueue<String> unclear = new ConcurrentLinkedQueue<>();
    AtomicInteger submitted = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(users.size() + 1);
    for (Api user : users) {
      clients.execute(() -> submit(user, submitted, accepted, unclear));
    }
    clients.execute(() -> read(users.get(0), done, unclear));
    Awaitility.await().atMost(CONVERGENCE).until(() -> accepted.size() >= 5);
    fault.run();
    long healedAt = System.nanoTime();
    done.set(true);
    clients.shutdown();
    awaitTermination(clients);
    return new Burst(users, accepted, new ArrayList<>(unclear), healedAt);
  }

  private void submit(
      Api user,
      AtomicInteger submitted,
      Set<Long> accepted,
      ConcurrentLinkedQueue<String> unclear) {
    while (submitted.incrementAndGet() <= JOBS) {
      answer(unclear, () -> user.post("api/v1/jobs", job()))
          .filter(reply -> reply.status() == 201)
          .ifPresent(reply -> accepted.add(reply.body().path("id").asLong()));
      pause(Duration.ofMillis(150));
    }
  }

  private void read(Api user, AtomicBoolean done, ConcurrentLinkedQueue<String> unclear) {
    while (!done.get()) {
      answer(unclear, () -> user.get("api/v1/nodes"));
      answer(unclear, () -> user.get("api/v1/jobs?size=100"));
      pause(Duration.ofMillis(200));
    }
  }

  /** Sends a request; records an answer that is neither a success nor a clear error. */
  private static Optional<Reply> answer(
      ConcurrentLinkedQueue<String> unclear, Supplier<Reply> request) {
    try {
      Reply reply = request.get();
      if (!clear(reply)) {
        unclear.add(reply.status() + " " + reply.raw());
      }
      return Optional.of(reply);
    } catch (IllegalStateException e) {
      unclear.add("no answer: " + e.getCause());
      return Optional.empty();
    }
  }

  private static boolean clear(Reply reply) {
    if (reply.status() < 400) {
      return true;
    }
    boolean problem =
        String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json")
            && !reply.code().isEmpty();
    return problem
        && reply.status() != 500
        && (reply.status() != 503 || reply.header("Retry-After") != null);
  }

  private void assertEveryAcceptedJobRanOnce(Burst burst, String fault) {
    assertThat(burst.unclear()).as("answers that were neither a success nor clear").isEmpty();
    assertThat(burst.accepted()).as("accepted jobs").hasSize(JOBS);
    Awaitility.await("accepted jobs ended after " + fault)
        .atMost(CONVERGENCE)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> phases(burst.users()).values().stream().allMatch("SUCCEEDED"::equals));
    long convergedMs = (System.nanoTime() - burst.healedAt()) / 1_000_000;

    List<JsonNode> stored = stored(burst.users());
    Set<Long> ids = new HashSet<>();
    stored.forEach(job -> ids.add(job.path("id").asLong()));
    assertThat(ids).as("stored jobs").hasSize(stored.size()).isEqualTo(burst.accepted());
    Map<Long, List<String>> pods = pods();
    for (JsonNode job : stored) {
      long id = job.path("id").asLong();
      assertThat(job.path("attempt").asInt()).as("attempt of job " + id).isEqualTo(1);
      assertThat(pods.get(id)).as("pods of job " + id).containsExactly("crater-" + id + "-1");
    }
    System.out.printf(
        "cluster faults (%s): %d jobs accepted, all ended %d ms after the fault ended%n",
        fault, burst.accepted().size(), convergedMs);
  }

  private static Map<Long, String> phases(List<Api> users) {
    Map<Long, String> phases = new HashMap<>();
    stored(users).forEach(j -> phases.put(j.path("id").asLong(), j.path("phase").asText()));
    return phases;
  }

  private static List<JsonNode> stored(List<Api> users) {
    List<JsonNode> jobs = new ArrayList<>();
    for (Api user : users) {
      Reply reply = user.get("api/v1/jobs?size=500");
      assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
      reply.body().path("items").forEach(jobs::add);
    }
    return jobs;
  }

  /** Pod names by job id, as the cluster holds them. */
  private Map<Long, List<String>> pods() {
    Map<Long, List<String>> pods = new HashMap<>();
    for (JsonObject pod : sim.store().list(ResourceRegistry.PODS, NAMESPACE)) {
      JsonObject meta = pod.getAsJsonObject("metadata");
      long id = meta.getAsJsonObject("labels").get("crater.io/job-id").getAsLong();
      pods.computeIfAbsent(id, k -> new ArrayList<>()).add(meta.get("name").getAsString());
    }
    return pods;
  }

  /** Every request to the cluster fails with {@code code} for {@code duration}. */
  private void failFor(Duration duration, int code) {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      sim.failNextRequests(10_000, code);
      pause(Duration.ofMillis(100));
    }
    sim.failNextRequests(0, code);
  }

  private static Map<String, Object> job() {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "faults");
    job.put("kind", "BATCH");
    job.put("taskType", "EXPERIMENT");
    job.put("slo", "BEST_EFFORT");
    job.put("image", "busybox:1.36");
    job.put("command", List.of("sh", "-c", "sleep 1"));
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi", "nvidia.com/gpu", "1"));
    return job;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitTermination(ExecutorService clients) {
    try {
      assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
