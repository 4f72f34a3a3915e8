package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.ResourceType;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Finished jobs' objects leave the cluster after the retention (3 s here), and their logs still
 * answer afterwards from the tail Crater kept (at most 100 bytes here), saying so; a retention that
 * ran out while Crater was down is carried out after its restart. One Payara Micro process of its
 * own at a time, its own MariaDB database and its own simulated cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionIT {

  private static final String PASSWORD = "correct horse 3";
  private static final String NAMESPACE = "crater-jobs";
  private static final Duration RETENTION = Duration.ofSeconds(3);
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private SimCluster sim;
  private final Map<String, String> env = new HashMap<>();
  private CraterProcess backend;
  private String username;
  private Api alice;

  @BeforeAll
  void start() throws IOException {
    sim =
        SimCluster.start(
            SimConfig.builder()
                .port(CraterProcess.freePort())
                .nodePool(NodePool.parse("2:A100:8", "64", "512Gi"))
                .namespace(NAMESPACE)
                .build());
    env.put("CRATER_DB_URL", System.getProperty("crater.it.retention.db.url"));
    env.put("CRATER_K8S_URL", sim.url());
    env.put("CRATER_JOBS_RETENTION", "PT" + RETENTION.toSeconds() + "S");
    env.put("CRATER_JOBS_KEPT_LOG_BYTES", "100");
    env.put("CRATER_NOTEBOOKS_INGRESS_ENABLED", "true");
    env.put("CRATER_NOTEBOOKS_INGRESS_HOST", "localhost");
    env.put("CRATER_NOTEBOOKS_PUBLIC_URL", "http://localhost:" + sim.port());
    backend = CraterProcess.start("retention", env);
    username = Api.unique("keeper");
    Api.at(backend.base())
        .post("api/v1/auth/signup", Map.of("username", username, "password", PASSWORD));
    alice = Api.at(backend.base()).logIn(username, PASSWORD);
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (backend != null) {
      backend.close();
    }
    sim.close();
  }

  @Test
  void aFinishedJobsPodGoesAfterTheRetentionAndItsLogTailStillAnswers() throws IOException {
    long id = JourneysIT.submit(alice, job("BATCH", 1, "sleep 1"));
    Instant finished =
        Instant.parse(JourneysIT.awaitPhase(alice, id, "SUCCEEDED").path("finishedAt").asText());
    String pod = "crater-" + id + "-1";
    Reply live = alice.get("api/v1/jobs/" + id + "/logs");
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.header("Crater-Log")).isNull();
    assertThat(exists(ResourceRegistry.PODS, pod)).as("kept during the retention").isTrue();

    awaitGone(ResourceRegistry.PODS, pod);
    assertThat(Duration.between(finished, Instant.now())).isGreaterThanOrEqualTo(RETENTION);

    Reply kept = alice.get("api/v1/jobs/" + id + "/logs");
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.header("Crater-Log")).isEqualTo("kept");
    assertThat(kept.header("Crater-Log-Truncated")).isEqualTo("true");
    assertThat(kept.raw().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(100);
    assertThat(kept.raw()).contains("exited with code 0").startsWith("crater-sim: ");
    assertThat(live.raw()).endsWith(kept.raw()).isNotEqualTo(kept.raw());
    assertThat(alice.get("api/v1/jobs/" + id + "/logs?tail=1").raw()).isEqualTo(kept.raw());
    assertThat(followed(id)).contains("data: crater-sim: pod " + pod, "event: end");
    assertThat(alice.get("api/v1/jobs/" + id).body().path("phase").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void theRetentionRunsOutWhileCraterIsDownAndIsCarriedOutAfterItsRestart() throws Exception {
    long id = JourneysIT.submit(alice, job("BATCH", 1, "sleep 1"));
    JourneysIT.awaitPhase(alice, id, "SUCCEEDED");
    String pod = "crater-" + id + "-1";
    String live = alice.get("api/v1/jobs/" + id + "/logs").raw();

    backend.close();
    Thread.sleep(RETENTION.toMillis());
    assertThat(exists(ResourceRegistry.PODS, pod)).as("nobody removed it meanwhile").isTrue();
    backend = CraterProcess.start("retention-restarted", env);
    alice = Api.at(backend.base()).logIn(username, PASSWORD);

    awaitGone(ResourceRegistry.PODS, pod);
    Reply kept = alice.get("api/v1/jobs/" + id + "/logs");
    assertThat(kept.header("Crater-Log")).isEqualTo("kept");
    assertThat(live).endsWith(kept.raw());
    assertThat(kept.raw()).contains("exited with code 0");
  }

  @Test
  void aFailedGangLosesItsVolcanoJobAndPods() {
    long id = JourneysIT.submit(alice, job("PYTORCH", 2, "sleep 1; exit 3"));
    JourneysIT.awaitPhase(alice, id, "FAILED");
    String name = "crater-" + id + "-1";
    assertThat(exists(ResourceRegistry.VC_JOBS, name)).isTrue();

    awaitGone(ResourceRegistry.VC_JOBS, name);
    Awaitility.await("the gang's pods go with its Volcano Job")
        .atMost(PATIENCE)
        .until(() -> jobObjects(ResourceRegistry.PODS, id) == 0);

    Reply kept = alice.get("api/v1/jobs/" + id + "/logs");
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.header("Crater-Log")).isEqualTo("kept");
    assertThat(kept.raw()).contains("exited with code 3");
  }

  @Test
  void aFinishedNotebookLosesItsServiceAndIngress() {
    Map<String, Object> notebook = job("JUPYTER", 1, "sleep 1");
    notebook.put("taskType", "DEBUGGING");
    long id = JourneysIT.submit(alice, notebook);
    JourneysIT.awaitPhase(alice, id, "SUCCEEDED");
    String name = "crater-" + id + "-1";
    assertThat(exists(ResourceRegistry.SERVICES, name)).isTrue();
    assertThat(exists(ResourceRegistry.INGRESSES, name)).isTrue();

    awaitGone(ResourceRegistry.SERVICES, name);
    awaitGone(ResourceRegistry.INGRESSES, name);
    awaitGone(ResourceRegistry.PODS, name);
    assertThat(alice.get("api/v1/jobs/" + id + "/logs").header("Crater-Log")).isEqualTo("kept");
  }

  private Map<String, Object> job(String kind, int replicas, String script) {
    Map<String, Object> job = new HashMap<>();
    job.put("name", kind.toLowerCase(java.util.Locale.ROOT));
    job.put("kind", kind);
    job.put("replicas", replicas);
    job.put("taskType", "TRAINING");
    job.put("slo", "BEST_EFFORT");
    job.put("image", "busybox:1.36");
    job.put("command", List.of("sh", "-c", script));
    job.put("gpuModel", "A100");
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi", "nvidia.com/gpu", "1"));
    return job;
  }

  private boolean exists(ResourceType type, String name) {
    return sim.store().find(type, NAMESPACE, name).isPresent();
  }

  private long jobObjects(ResourceType type, long id) {
    return sim.store().list(type, NAMESPACE).stream()
        .filter(o -> o.toString().contains("\"crater.io/job-id\":\"" + id + "\""))
        .count();
  }

  private void awaitGone(ResourceType type, String name) {
    Awaitility.await(name + " gone")
        .atMost(RETENTION.plus(PATIENCE))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !exists(type, name));
  }

  private String followed(long id) throws IOException {
    HttpResponse<InputStream> stream =
        alice.within(PATIENCE).stream("api/v1/jobs/" + id + "/logs?follow=true");
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Crater-Log")).hasValue("kept");
    try (InputStream body = stream.body()) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
