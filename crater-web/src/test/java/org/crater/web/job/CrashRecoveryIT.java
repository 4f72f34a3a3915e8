package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The backend killed with SIGKILL in the middle of a burst of submissions, then started again on
 * the same database: every accepted job is there exactly once, none has two live attempts, and all
 * of them run to the end. Runs its own Payara Micro processes (the built war), its own MariaDB
 * database and its own simulated cluster, so nothing else shares its jobs.
 */
class CrashRecoveryIT {

  private static final String PASSWORD = "correct horse 3";
  private static final int BURST = 60;

  private SimCluster sim;
  private CraterProcess backend;
  private int port;

  @BeforeEach
  void startCluster() throws IOException {
    sim =
        SimCluster.start(
            SimConfig.builder()
                .port(CraterProcess.freePort())
                .nodePool(NodePool.parse("4:A100:8", "64", "512Gi"))
                .namespace("crater-jobs")
                .build());
    port = CraterProcess.freePort();
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    if (backend != null) {
      backend.kill();
    }
    sim.close();
  }

  @Test
  void everyAcceptedJobSurvivesAKilledBackendAndRunsOnce() throws Exception {
    backend = start("crash-1");
    List<Api> users = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      users.add(Api.at(backend.base()).signUpAndLogIn("burst", PASSWORD));
    }

    Set<Long> accepted = submitUntilKilled(users);
    assertThat(accepted).as("jobs accepted before the kill").isNotEmpty();

    backend = start("crash-2");
    long ready = System.nanoTime();
    Awaitility.await("all accepted jobs ended")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> allSucceeded(users));
    Duration converged = Duration.ofNanos(System.nanoTime() - ready);

    List<JsonNode> jobs = new ArrayList<>();
    users.forEach(u -> u.get("api/v1/jobs?size=500").body().path("items").forEach(jobs::add));
    Set<Long> stored = new java.util.HashSet<>();
    jobs.forEach(j -> stored.add(j.path("id").asLong()));
    assertThat(stored).as("every accepted job is stored").containsAll(accepted);
    assertThat(stored).hasSameSizeAs(jobs);
    for (JsonNode job : jobs) {
      long id = job.path("id").asLong();
      assertThat(job.path("attempt").asInt()).as("job " + id).isEqualTo(1);
      assertThat(podsOf(id)).as("pods of job " + id).containsExactly("crater-" + id + "-1");
    }
    System.out.printf(
        "crash recovery: %d accepted, %d stored, converged %d ms after ready%n",
        accepted.size(), stored.size(), converged.toMillis());
  }

  /** Submits from every user at once; kills the backend once {@link #BURST} jobs are accepted. */
  private Set<Long> submitUntilKilled(List<Api> users) throws InterruptedException {
    Set<Long> accepted = ConcurrentHashMap.newKeySet();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(users.size());
    for (Api user : users) {
      clients.execute(
          () -> {
            while (!killed.get()) {
              try {
                Reply reply = user.post("api/v1/jobs", job());
                if (reply.status() == 201) {
                  accepted.add(reply.body().path("id").asLong());
                }
              } catch (IllegalStateException e) {
                return; // the backend is gone
              }
              if (accepted.size() >= BURST && killed.compareAndSet(false, true)) {
                kill();
              }
            }
          });
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    return accepted;
  }

  private void kill() {
    try {
      backend.kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean allSucceeded(List<Api> users) {
    for (Api user : users) {
      Reply reply = user.get("api/v1/jobs?size=500");
      if (reply.status() != 200) {
        return false;
      }
      for (JsonNode job : reply.body().path("items")) {
        if (!job.path("phase").asText().equals("SUCCEEDED")) {
          return false;
        }
      }
    }
    return true;
  }

  private static Map<String, Object> job() {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "burst");
    job.put("kind", "BATCH");
    job.put("taskType", "EXPERIMENT");
    job.put("slo", "BEST_EFFORT");
    job.put("image", "busybox:1.36");
    job.put("command", List.of("sh", "-c", "sleep 2"));
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi", "nvidia.com/gpu", "1"));
    return job;
  }

  private List<String> podsOf(long id) throws IOException, InterruptedException {
    String path = "/api/v1/namespaces/crater-jobs/pods?labelSelector=crater.io/job-id%3D" + id;
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sim.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> names = new ArrayList<>();
    Api.JSON
        .readTree(response.body())
        .path("items")
        .forEach(p -> names.add(p.path("metadata").path("name").asText()));
    return names;
  }

  private CraterProcess start(String name) throws IOException {
    return CraterProcess.start(
        name,
        Map.of(
            "CRATER_DB_URL", System.getProperty("crater.it.crash.db.url"),
            "CRATER_K8S_URL", sim.url()),
        port);
  }
}
