package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.crater.web.Api;
import org.crater.web.CraterProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A running notebook keeps its URL and token when Crater restarts without a configured signing
 * secret (each process then signs with a random one): the token is the one stored with the job, so
 * the URL shown afterwards still opens the notebook, whose pod never changed. Runs its own Payara
 * Micro processes (the built war), its own MariaDB database and its own simulated cluster.
 */
class NotebookRestartIT {

  private static final String PASSWORD = "correct horse 3";

  private SimCluster sim;
  private CraterProcess backend;
  private int port;

  @BeforeEach
  void startCluster() throws IOException {
    sim =
        SimCluster.start(
            SimConfig.builder()
                .port(CraterProcess.freePort())
                .nodePool(NodePool.parse("1:A100:8", "64", "512Gi"))
                .namespace("crater-jobs")
                .runMs(600_000)
                .build());
    port = CraterProcess.freePort();
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    if (backend != null) {
      backend.close();
    }
    sim.close();
  }

  @Test
  void aRunningNotebookKeepsItsUrlAndTokenAcrossARestartWithoutASigningSecret() throws Exception {
    backend = start("notebook-restart-1");
    String username = Api.unique("nb");
    Api alice = logIn(username);
    long id = JourneysIT.submit(alice, notebook());
    JsonNode before = JourneysIT.awaitPhase(alice, id, "RUNNING").path("jupyter");
    assertThat(open(before.path("url").asText())).isEqualTo(200);

    backend.close();
    backend = start("notebook-restart-2");
    Api again = logIn(username);
    JsonNode after = JourneysIT.awaitPhase(again, id, "RUNNING").path("jupyter");

    assertThat(after.path("token").asText()).isNotEmpty().isEqualTo(before.path("token").asText());
    assertThat(after.path("url").asText()).isEqualTo(before.path("url").asText());
    assertThat(open(after.path("url").asText())).isEqualTo(200);
    assertThat(again.get("api/v1/jobs/" + id).body().path("attempt").asInt()).isEqualTo(1);
  }

  /**
   * Signs the user up (the second time: 409, already there) and logs in, once the auth routes
   * answer: on a busy machine they may still be registering a moment after the version route does.
   */
  private Api logIn(String username) {
    Api api = Api.at(backend.base());
    Awaitility.await("login answers")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                api.post("api/v1/auth/signup", Map.of("username", username, "password", PASSWORD))
                        .status()
                    != 404);
    return api.logIn(username, PASSWORD);
  }

  private static Map<String, Object> notebook() {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "notebook");
    job.put("kind", "JUPYTER");
    job.put("taskType", "DEBUGGING");
    job.put("slo", "BEST_EFFORT");
    job.put("image", "quay.io/jupyter/base-notebook:2025-01-13");
    job.put("command", List.of("start-notebook.py"));
    job.put("resources", Map.of("cpu", "2", "memory", "4Gi", "nvidia.com/gpu", "1"));
    return job;
  }

  private static int open(String url) throws IOException, InterruptedException {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Crater on this test's database and cluster, with no signing secret configured. */
  private CraterProcess start(String name) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("CRATER_DB_URL", System.getProperty("crater.it.notebooks.db.url"));
    env.put("CRATER_K8S_URL", sim.url());
    env.put("CRATER_NOTEBOOKS_PUBLIC_URL", "http://localhost:" + sim.port());
    env.put("CRATER_AUTH_JWT_SECRET", null);
    return CraterProcess.start(name, env, port);
  }
}
