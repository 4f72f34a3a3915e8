package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.web.job.JourneysIT.awaitPhase;
import static org.crater.web.job.JourneysIT.moves;
import static org.crater.web.job.JourneysIT.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Crater's journeys over HTTP on a real control plane (bin/kube-up: kube-apiserver, etcd,
 * kube-controller-manager, kube-scheduler, kwok GPU nodes), as its own least-privilege
 * ServiceAccount: a batch job to Succeeded, a notebook and a WebIDE with their Services and
 * Ingresses, a quota wait, guaranteed work preempting best-effort work that runs again, a cancel,
 * and a node falling silent. Run by the {@code real-cluster} profile (bin/test where Go is
 * available), which starts the bed first.
 *
 * <p>Not here: a PyTorch gang. It runs as a Volcano Job, and Volcano cannot be built on this
 * machine (docs/real-control-plane.md); the bed's stand-in CRDs only let Crater's Volcano informer
 * sync, so a gang would never get pods. It is proven on crater-sim only ({@code JourneysIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "crater.it.real", matches = "true")
class RealClusterIT {

  private static final String PASSWORD = "correct horse 3";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /**
   * From a node's last heartbeat to its job's next attempt Running elsewhere: the bed's 20 s grace
   * period, the 5 s tolerations below, the 30 s pod grace period, the 5 s force-delete wait, and
   * the rest for the controllers' and Crater's loops.
   */
  static final Duration NODE_LOSS_BOUND = Duration.ofSeconds(90);

  /** How long a finished job's objects stay: long enough for the other journeys to look at them. */
  static final Duration RETENTION = Duration.ofSeconds(8);

  private RealControlPlane bed;
  private CraterProcess crater;
  private Api admin;
  private Api alice;
  private Lab lab;

  @BeforeAll
  void start() throws IOException {
    bed = RealControlPlane.ofCheckout();
    Map<String, String> env = new HashMap<>(bed.craterEnvironment());
    env.put("CRATER_DB_URL", System.getProperty("crater.it.real.db.url"));
    env.put("CRATER_K8S_NOT_READY_TOLERATION_SECONDS", "5");
    env.put("CRATER_K8S_UNREACHABLE_TOLERATION_SECONDS", "5");
    env.put("CRATER_K8S_FORCE_DELETE_TERMINATING_AFTER", "PT5S");
    env.put("CRATER_NOTEBOOKS_PUBLIC_URL", "http://localhost");
    env.put("CRATER_JOBS_RETENTION", "PT" + RETENTION.toSeconds() + "S");
    crater = CraterProcess.start("real-cluster", env);
    admin = Api.at(crater.base()).asAdmin();
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (crater != null) {
      crater.close();
    }
  }

  /** Alice, a member of a fresh account (32 GPUs) with a quota of one GPU there. */
  @BeforeEach
  void signUp() {
    lab = Lab.create(admin);
    alice = Api.at(crater.base()).signUpAndLogIn("alice", PASSWORD);
    lab.join(alice, 1);
    Awaitility.await().atMost(PATIENCE).until(() -> alice.get("api/v1/nodes").status() == 200);
  }

  @Test
  void aBatchJobIsScheduledByKubeSchedulerAndSucceeds() {
    long id = submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 2"));

    JsonNode done = awaitPhase(alice, id, "SUCCEEDED");

    assertThat(done.path("exitCode").asInt()).isZero();
    assertThat(done.path("nodes").get(0).asText()).startsWith("a100-node-");
    assertThat(moves(alice, id)).startsWith("QUEUEING", "CREATED").endsWith("RUNNING", "SUCCEEDED");
    JsonNode pod = bed.get("pod", "crater-" + id + "-1").orElseThrow();
    assertThat(pod.path("spec").path("schedulerName").asText()).isEqualTo("default-scheduler");
    assertThat(pod.path("spec").path("priority").asInt()).isEqualTo(100000);
    assertThat(pod.path("spec").path("tolerations").findValuesAsText("key"))
        .contains("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable");
    assertThat(pod.path("spec").path("tolerations").findValues("tolerationSeconds"))
        .allMatch(seconds -> seconds.asInt() == 5);
  }

  @Test
  void aFinishedJobsPodGoesAfterTheRetentionAndItsLogStillAnswers() {
    long id = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 1"));
    awaitPhase(alice, id, "SUCCEEDED");
    String name = "crater-" + id + "-1";
    Reply live = alice.get("api/v1/jobs/" + id + "/logs");
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.header("Crater-Log")).isNull();
    assertThat(bed.get("pod", name)).as("kept during the retention").isPresent();

    Awaitility.await("the pod goes after the retention")
        .atMost(RETENTION.plus(PATIENCE))
        .until(() -> bed.get("pod", name).isEmpty());

    Reply kept = alice.get("api/v1/jobs/" + id + "/logs");
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.header("Crater-Log")).isEqualTo("kept");
    assertThat(kept.header("Crater-Log-Truncated")).isEqualTo("false");
    assertThat(kept.raw()).isEqualTo(live.raw());
  }

  @Test
  void aFailingCommandEndsFailedWithItsExitCode() {
    long id = submit(alice, lab.job("BEST_EFFORT", "V100", 1, "sleep 1; exit 3"));

    assertThat(awaitPhase(alice, id, "FAILED").path("exitCode").asInt()).isEqualTo(3);
  }

  @Test
  void aNotebookGetsItsServiceAndLosesItWithItsJob() {
    Map<String, Object> notebook = lab.job("BEST_EFFORT", "A100", 1, "sleep 300");
    notebook.put("kind", "JUPYTER");
    notebook.put("taskType", "DEBUGGING");
    long id = submit(alice, notebook);
    String name = "crater-" + id + "-1";

    JsonNode running = awaitPhase(alice, id, "RUNNING");
    JsonNode service = bed.get("service", name).orElseThrow();

    assertThat(running.path("jupyter").path("url").asText()).contains("/jupyter/" + name + "/");
    assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(8888);
    assertThat(service.path("spec").path("clusterIP").asText()).startsWith("10.96.");
    assertThat(bed.get("ingress", name)).isPresent();

    assertThat(alice.delete("api/v1/jobs/" + id).status()).isEqualTo(200);
    Awaitility.await("the notebook's objects go with its job")
        .atMost(PATIENCE)
        .until(
            () ->
                bed.get("pod", name).isEmpty()
                    && bed.get("service", name).isEmpty()
                    && bed.get("ingress", name).isEmpty());
  }

  @Test
  void aWebIdeGetsItsPasswordServiceAndStrippingIngressForItsOwnerAndLosesThemWithItsJob() {
    Map<String, Object> ide = lab.job("BEST_EFFORT", "A100", 1, "sleep 300");
    ide.put("kind", "WEBIDE");
    ide.put("taskType", "DEBUGGING");
    long id = submit(alice, ide);
    String name = "crater-" + id + "-1";
    Api bob = Api.at(crater.base()).signUpAndLogIn("bob", PASSWORD);

    JsonNode running = awaitPhase(alice, id, "RUNNING");
    String password = running.path("endpoint").path("secret").asText();
    JsonNode pod = bed.get("pod", name).orElseThrow();
    JsonNode service = bed.get("service", name).orElseThrow();
    JsonNode ingress = bed.get("ingress", name).orElseThrow();

    assertThat(running.path("endpoint").path("url").asText())
        .isEqualTo("http://localhost/jupyter/" + name + "/");
    assertThat(password).matches("[0-9a-f]{32}");
    assertThat(pod.path("spec").path("containers").get(0).path("env").toString())
        .contains("{\"name\":\"PASSWORD\",\"value\":\"" + password + "\"}");
    assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(8080);
    assertThat(
            ingress
                .path("spec")
                .path("rules")
                .get(0)
                .path("http")
                .path("paths")
                .get(0)
                .path("path"))
        .hasToString("\"/jupyter/" + name + "(/|$)(.*)\"");
    assertThat(ingress.path("metadata").path("annotations").toString())
        .contains("\"nginx.ingress.kubernetes.io/rewrite-target\":\"/$2\"");
    assertThat(bob.get("api/v1/jobs/" + id).status()).isEqualTo(404);
    assertThat(bob.get("api/v1/jobs").raw()).doesNotContain(password);

    assertThat(alice.delete("api/v1/jobs/" + id).status()).isEqualTo(200);
    Awaitility.await("the WebIDE's objects go with its job")
        .atMost(PATIENCE)
        .until(
            () ->
                bed.get("pod", name).isEmpty()
                    && bed.get("service", name).isEmpty()
                    && bed.get("ingress", name).isEmpty());
  }

  @Test
  void waitsOnQuotaAndRunsWhenQuotaFrees() {
    long first = submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 3"));
    long second = submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 1"));

    awaitPhase(alice, first, "RUNNING");
    JsonNode waiting = alice.get("api/v1/jobs/" + second).body();

    assertThat(waiting.path("phase").asText()).isEqualTo("QUEUEING");
    assertThat(waiting.path("waiting").path("reason").asText()).isEqualTo("QuotaExceeded");
    assertThat(bed.get("pod", "crater-" + second + "-1")).isEmpty();
    awaitPhase(alice, first, "SUCCEEDED");
    awaitPhase(alice, second, "SUCCEEDED");
  }

  @Test
  void guaranteedWorkPreemptsBestEffortWhichRunsAgainLater() {
    Api bob = Api.at(crater.base()).signUpAndLogIn("bob", PASSWORD);
    lab.join(bob, 0);
    lab.join(alice, 8);
    long first = submit(bob, lab.job("BEST_EFFORT", "V100", 8, "sleep 6"));
    long second = submit(bob, lab.job("BEST_EFFORT", "V100", 8, "sleep 6"));
    awaitPhase(bob, first, "RUNNING");
    awaitPhase(bob, second, "RUNNING");

    long guaranteed = submit(alice, lab.job("GUARANTEED", "V100", 8, "sleep 2"));

    awaitPhase(alice, guaranteed, "RUNNING");
    int preempted =
        bob.get("api/v1/jobs/" + first).body().path("preemptions").asInt()
            + bob.get("api/v1/jobs/" + second).body().path("preemptions").asInt();
    assertThat(preempted).isEqualTo(1);
    awaitPhase(alice, guaranteed, "SUCCEEDED");
    long victim =
        bob.get("api/v1/jobs/" + first).body().path("preemptions").asInt() == 1 ? first : second;
    JsonNode again = awaitPhase(bob, victim, "SUCCEEDED");
    assertThat(again.path("attempt").asInt()).isEqualTo(2);
    assertThat(moves(bob, victim))
        .containsSubsequence("RUNNING", "PREEMPTED", "QUEUEING", "CREATED", "SUCCEEDED");
  }

  @Test
  void cancellingARunningJobDeletesItsPodAndKeepsTheRecord() {
    long id = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 60"));
    awaitPhase(alice, id, "RUNNING");

    Reply cancelled = alice.delete("api/v1/jobs/" + id);

    assertThat(cancelled.body().path("phase").asText()).isEqualTo("CANCELLED");
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> bed.get("pod", "crater-" + id + "-1").isEmpty());
    assertThat(alice.get("api/v1/jobs/" + id).body().path("phase").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void aJobOnANodeFallenSilentRunsAgainElsewhereWithinTheBound() {
    long id = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 600"));
    String node = awaitPhase(alice, id, "RUNNING").path("nodes").get(0).asText();
    long silentAt = System.nanoTime();
    bed.nodeDown(node);
    try {
      JsonNode again =
          Awaitility.await("attempt 2 running elsewhere")
              .atMost(NODE_LOSS_BOUND)
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () -> alice.get("api/v1/jobs/" + id).body(),
                  job ->
                      job.path("attempt").asInt() == 2
                          && job.path("phase").asText().equals("RUNNING"));
      Duration took = Duration.ofNanos(System.nanoTime() - silentAt);

      assertThat(again.path("nodes").get(0).asText()).isNotEqualTo(node);
      assertThat(took).isLessThan(NODE_LOSS_BOUND);
      assertThat(moves(alice, id))
          .containsSubsequence("RUNNING", "PREEMPTED", "QUEUEING", "RUNNING");
      assertThat(bed.get("pod", "crater-" + id + "-1")).isEmpty();
    } finally {
      bed.nodeUp(node);
      alice.delete("api/v1/jobs/" + id);
    }
  }
}
