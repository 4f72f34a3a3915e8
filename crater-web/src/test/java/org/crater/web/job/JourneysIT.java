package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.sim.SimCluster;
import org.crater.sim.actor.NodePool;
import org.crater.sim.api.ResourceRegistry;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterWar;
import org.crater.web.SimulatedCluster;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whole journeys of jobs over HTTP on the built war, MariaDB and the simulated cluster: queued on
 * quota and admitted when quota frees, preempted and run again, notebooks, gangs, cancel and logs.
 * Jobs say how long they run with {@code sleep N} (the simulated kubelet honours it).
 */
@ExtendWith(ArquillianExtension.class)
class JourneysIT {

  private static final String PASSWORD = "correct horse 3";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @ArquillianResource private URL base;

  private Api admin;
  private Api alice;
  private Lab lab;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  /** Alice, a member of a fresh account (32 GPUs) with a quota of one GPU there. */
  @BeforeEach
  void signUp() {
    admin = Api.at(base).asAdmin();
    lab = Lab.create(admin);
    alice = Api.at(base).signUpAndLogIn("alice", PASSWORD);
    lab.join(alice, 1);
    Awaitility.await().atMost(PATIENCE).until(() -> alice.get("api/v1/nodes").status() == 200);
  }

  static long submit(Api api, Map<String, Object> job) {
    Reply reply = api.post("api/v1/jobs", job);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    return reply.body().path("id").asLong();
  }

  static JsonNode awaitPhase(Api api, long id, String phase) {
    Awaitility.await("job " + id + " " + phase)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.get("api/v1/jobs/" + id).body().path("phase").asText().equals(phase));
    return api.get("api/v1/jobs/" + id).body();
  }

  static List<String> moves(Api api, long id) {
    return api.get("api/v1/jobs/" + id + "/events").body().findValuesAsText("to");
  }

  String username(Api api) {
    return api.get("api/v1/auth/me").body().path("user").path("username").asText();
  }

  @Test
  void waitsOnQuotaWithReasonAndPositionAndRunsWhenQuotaFrees() {
    long first = submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 3"));
    long second = submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 1"));

    JsonNode running = awaitPhase(alice, first, "RUNNING");
    JsonNode waiting = alice.get("api/v1/jobs/" + second).body();
    Reply quota = alice.get("api/v1/quota");

    assertThat(running.path("nodes").get(0).asText()).startsWith("a100-node-");
    assertThat(waiting.path("phase").asText()).isEqualTo("QUEUEING");
    assertThat(waiting.path("waiting").path("reason").asText()).isEqualTo("QuotaExceeded");
    assertThat(waiting.path("waiting").path("details").path("resource").asText())
        .isEqualTo("nvidia.com/gpu");
    assertThat(waiting.path("waiting").path("details").path("free").asText()).isEqualTo("0");
    assertThat(waiting.path("waiting").path("position").asInt()).isPositive();
    JsonNode inLab =
        quota.body().findParents("account").stream()
            .filter(q -> q.path("account").asText().equals(lab.name()))
            .findFirst()
            .orElseThrow();
    JsonNode gpus =
        inLab.path("resources").findParents("name").stream()
            .filter(r -> r.path("name").asText().equals("nvidia.com/gpu"))
            .findFirst()
            .orElseThrow();
    assertThat(gpus.path("used").asText()).isEqualTo("1");
    assertThat(gpus.path("accountUsed").asText()).isEqualTo("1");

    JsonNode done = awaitPhase(alice, first, "SUCCEEDED");
    awaitPhase(alice, second, "SUCCEEDED");

    assertThat(done.path("exitCode").asInt()).isZero();
    assertThat(done.path("finishedAt").isTextual()).isTrue();
    assertThat(moves(alice, first))
        .startsWith("QUEUEING", "CREATED")
        .endsWith("RUNNING", "SUCCEEDED");
    assertThat(moves(alice, second)).startsWith("QUEUEING", "CREATED").endsWith("SUCCEEDED");
  }

  @Test
  void aFailingCommandEndsFailedWithItsExitCode() {
    long id = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 1; exit 3"));

    JsonNode failed = awaitPhase(alice, id, "FAILED");

    assertThat(failed.path("exitCode").asInt()).isEqualTo(3);
  }

  @Test
  void guaranteedWorkPreemptsBestEffortWhichRunsAgainLater() {
    // The T4 node (4 GPUs) is only used here: wait until it is empty.
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> alice.get("api/v1/nodes/t4-node-0").body().path("jobs").isEmpty());
    Api bob = Api.at(base).signUpAndLogIn("bob", PASSWORD);
    lab.join(bob, 0);
    lab.join(alice, 4);

    long bestEffort = submit(bob, lab.job("BEST_EFFORT", "T4", 4, "sleep 4"));
    awaitPhase(bob, bestEffort, "RUNNING");
    long guaranteed = submit(alice, lab.job("GUARANTEED", "T4", 4, "sleep 2"));

    awaitPhase(alice, guaranteed, "RUNNING");
    JsonNode requeued = bob.get("api/v1/jobs/" + bestEffort).body();
    assertThat(requeued.path("phase").asText()).isIn("QUEUEING", "PREEMPTED");
    assertThat(requeued.path("preemptions").asInt()).isEqualTo(1);

    awaitPhase(alice, guaranteed, "SUCCEEDED");
    JsonNode finished = awaitPhase(bob, bestEffort, "SUCCEEDED");

    assertThat(finished.path("attempt").asInt()).isEqualTo(2);
    assertThat(moves(bob, bestEffort))
        .containsSubsequence("RUNNING", "PREEMPTED", "QUEUEING", "CREATED", "SUCCEEDED");
    JsonNode preemption =
        bob.get("api/v1/jobs/" + bestEffort + "/events").body().findParents("to").stream()
            .filter(e -> e.path("to").asText().equals("PREEMPTED"))
            .findFirst()
            .orElseThrow();
    assertThat(preemption.path("reason").asText()).isEqualTo("PreemptedForGuaranteed");
    assertThat(preemption.path("message").asText()).contains(Long.toString(guaranteed));
  }

  /**
   * The eviction is usually seen at once, but sometimes only by the periodic resync, up to a minute
   * later (docs/operations.md, "Node loss"); the bound allows for that.
   */
  @Test
  void aJobOnALostNodeRunsAgainWhenANodeIsBack() {
    long id = submit(alice, lab.job("BEST_EFFORT", "V100", 1, "sleep 8"));
    awaitPhase(alice, id, "RUNNING");
    try {
      SimulatedCluster.current().setNodeReady("v100-node-0", false);

      Awaitility.await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> alice.get("api/v1/jobs/" + id).body().path("attempt").asInt() == 2);
      JsonNode waiting = awaitPhase(alice, id, "QUEUEING");
      assertThat(waiting.path("waiting").path("reason").asText()).isEqualTo("NoCapacity");
    } finally {
      SimulatedCluster.current().setNodeReady("v100-node-0", true);
    }

    awaitPhase(alice, id, "SUCCEEDED");
    assertThat(alice.get("api/v1/jobs/" + id + "/events").body().findValuesAsText("reason"))
        .contains("DeletionByTaintManager", "Requeued");
  }

  @Test
  void aPodDeletedBySomeoneElseIsRunAgain() {
    long id = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 30"));
    awaitPhase(alice, id, "RUNNING");

    assertThat(simDelete("api/v1/namespaces/crater-jobs/pods/crater-" + id + "-1")).isEqualTo(200);

    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> alice.get("api/v1/jobs/" + id).body().path("attempt").asInt() == 2);
    awaitPhase(alice, id, "RUNNING");
    assertThat(moves(alice, id)).containsSubsequence("RUNNING", "PREEMPTED", "QUEUEING", "RUNNING");
    assertThat(sim("api/v1/namespaces/crater-jobs/pods/crater-" + id + "-1").statusCode())
        .isEqualTo(404);
    alice.delete("api/v1/jobs/" + id);
  }

  @Test
  void aNotebookOpensInTheBrowserForItsOwnerAndGoesWithItsJob() throws Exception {
    Map<String, Object> notebook = lab.job("BEST_EFFORT", "A100", 1, "sleep 120");
    notebook.put("kind", "JUPYTER");
    notebook.put("taskType", "DEBUGGING");
    long id = submit(alice, notebook);
    Api bob = Api.at(base).signUpAndLogIn("bob", PASSWORD);
    String name = "crater-" + id + "-1";
    String ingressPath = "apis/networking.k8s.io/v1/namespaces/crater-jobs/ingresses/" + name;

    JsonNode running = awaitPhase(alice, id, "RUNNING");
    String token = running.path("jupyter").path("token").asText();
    String url = running.path("jupyter").path("url").asText();
    JsonNode ingress = Api.JSON.readTree(sim(ingressPath).body());
    JsonNode rule = ingress.path("spec").path("rules").get(0);

    assertThat(token).matches("[0-9a-f]{32}");
    assertThat(url)
        .isEqualTo(
            "http://localhost:"
                + System.getProperty("crater.it.sim.port")
                + "/jupyter/"
                + name
                + "/?token="
                + token);
    assertThat(bob.get("api/v1/jobs/" + id).status()).isEqualTo(404);
    assertThat(bob.get("api/v1/jobs").raw()).doesNotContain(token);
    assertThat(admin.get("api/v1/jobs/" + id).body().path("jupyter").path("url").asText())
        .isEqualTo(url);
    assertThat(ingress.path("spec").path("ingressClassName").asText()).isEqualTo("nginx");
    assertThat(rule.path("host").asText()).isEqualTo("localhost");
    assertThat(rule.path("http").path("paths").get(0).path("path").asText())
        .isEqualTo("/jupyter/" + name + "/");
    assertThat(rule.path("http").path("paths").get(0).path("backend").path("service").path("name"))
        .hasToString('"' + name + '"');
    assertThat(ingress.path("spec").path("tls").get(0).path("secretName").asText())
        .isEqualTo("crater-notebooks-tls");
    HttpResponse<String> page = open(url);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Notebook " + name);
    assertThat(open(url.substring(0, url.indexOf('?'))).statusCode()).isEqualTo(403);
    assertThat(open(url.replace(token, "0".repeat(32))).statusCode()).isEqualTo(403);

    assertThat(alice.delete("api/v1/jobs/" + id).status()).isEqualTo(200);

    Awaitility.await("the notebook's Ingress is deleted with its job")
        .atMost(PATIENCE)
        .until(() -> sim(ingressPath).statusCode() == 404);
    assertThat(open(url).statusCode()).isEqualTo(404);
    assertThat(alice.get("api/v1/jobs/" + id).body().has("jupyter")).isFalse();
  }

  @Test
  void aWebIdeOpensWithItsPasswordForItsOwnerOnlyAndGoesWithItsJob() throws Exception {
    Map<String, Object> ide = lab.job("BEST_EFFORT", "A100", 1, "sleep 120");
    ide.put("kind", "WEBIDE");
    ide.put("taskType", "DEBUGGING");
    long id = submit(alice, ide);
    Api bob = Api.at(base).signUpAndLogIn("bob", PASSWORD);
    String name = "crater-" + id + "-1";
    String ingressPath = "apis/networking.k8s.io/v1/namespaces/crater-jobs/ingresses/" + name;

    JsonNode running = awaitPhase(alice, id, "RUNNING");
    JsonNode endpoint = running.path("endpoint");
    String password = endpoint.path("secret").asText();
    String url = endpoint.path("url").asText();
    JsonNode pod = Api.JSON.readTree(sim("api/v1/namespaces/crater-jobs/pods/" + name).body());
    JsonNode service =
        Api.JSON.readTree(sim("api/v1/namespaces/crater-jobs/services/" + name).body());
    JsonNode ingress = Api.JSON.readTree(sim(ingressPath).body());

    assertThat(running.path("kind").asText()).isEqualTo("WEBIDE");
    assertThat(running.has("jupyter")).isFalse();
    assertThat(endpoint.path("secretName").asText()).isEqualTo("password");
    assertThat(password).matches("[0-9a-f]{32}");
    assertThat(url)
        .isEqualTo(
            "http://localhost:"
                + System.getProperty("crater.it.sim.port")
                + "/jupyter/"
                + name
                + "/");
    assertThat(pod.path("spec").path("containers").get(0).path("env").toString())
        .contains("{\"name\":\"PASSWORD\",\"value\":\"" + password + "\"}");
    assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(8080);
    assertThat(
            ingress
                .path("metadata")
                .path("annotations")
                .path("nginx.ingress.kubernetes.io/rewrite-target")
                .asText())
        .isEqualTo("/$2");
    assertThat(bob.get("api/v1/jobs/" + id).status()).isEqualTo(404);
    assertThat(bob.get("api/v1/jobs").raw()).doesNotContain(password);
    assertThat(bob.get("v1/aitask/list").raw()).doesNotContain(password);
    assertThat(admin.get("api/v1/jobs/" + id).body().path("endpoint").path("secret").asText())
        .isEqualTo(password);
    assertThat(alice.get("v1/aitask/list").raw()).contains(name).doesNotContain(password);

    HttpResponse<String> anonymous = open(url);
    HttpResponse<String> wrong = logIn(url, "0".repeat(32));
    HttpResponse<String> right = logIn(url, password);
    String cookie = right.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValue("./login");
    assertThat(wrong.body()).contains("Incorrect password");
    assertThat(right.statusCode()).isEqualTo(302);
    HttpResponse<String> page = open(url, cookie);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("VS Code " + name);
    assertThat(alice.get("api/v1/jobs/" + id + "/logs").status()).isEqualTo(200);

    assertThat(alice.delete("api/v1/jobs/" + id).status()).isEqualTo(200);

    Awaitility.await("the WebIDE's Ingress is deleted with its job")
        .atMost(PATIENCE)
        .until(() -> sim(ingressPath).statusCode() == 404);
    assertThat(open(url, cookie).statusCode()).isEqualTo(404);
    assertThat(alice.get("api/v1/jobs/" + id).body().has("endpoint")).isFalse();
    Map<String, Object> pair = lab.job("BEST_EFFORT", "A100", 1, "sleep 1");
    pair.put("kind", "WEBIDE");
    pair.put("env", Map.of("HASHED_PASSWORD", "$argon2i$v=19$m=4096,t=3,p=1$x"));
    assertThat(alice.post("api/v1/jobs", pair).status()).isEqualTo(400);
  }

  /** Posts the login form of a WebIDE the way its login page does. */
  private static HttpResponse<String> logIn(String url, String password)
      throws IOException, InterruptedException {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(url + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + password))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Opens a URL with a session cookie, as a browser that logged in would. */
  private static HttpResponse<String> open(String url, String cookie)
      throws IOException, InterruptedException {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Opens a notebook URL the way a browser on this machine would. */
  private static HttpResponse<String> open(String url) throws IOException, InterruptedException {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPyTorchGangRunsAllReplicasAtOnce() {
    lab.join(alice, 16);
    Map<String, Object> gang = lab.job("GUARANTEED", "A100", 8, "sleep 2");
    gang.put("kind", "PYTORCH");
    gang.put("replicas", 2);
    long id = submit(alice, gang);

    JsonNode running = awaitPhase(alice, id, "RUNNING");
    assertThat(running.path("nodes")).hasSize(2);
    assertThat(
            sim("apis/batch.volcano.sh/v1alpha1/namespaces/crater-jobs/jobs/crater-" + id + "-1")
                .statusCode())
        .isEqualTo(200);

    awaitPhase(alice, id, "SUCCEEDED");
  }

  @Test
  void aTensorFlowGangRunsItsParameterServerAndWorkersAtOnceAndLogsTheChief() {
    lab.join(alice, 16);
    Map<String, Object> gang = lab.job("GUARANTEED", "A100", 8, "sleep 2");
    gang.put("kind", "TENSORFLOW");
    gang.put("replicas", 2);
    long id = submit(alice, gang);

    JsonNode running = awaitPhase(alice, id, "RUNNING");
    assertThat(running.path("kind").asText()).isEqualTo("TENSORFLOW");
    assertThat(running.path("nodes")).hasSize(2);
    HttpResponse<String> vcjob =
        sim("apis/batch.volcano.sh/v1alpha1/namespaces/crater-jobs/jobs/crater-" + id + "-1");
    assertThat(vcjob.statusCode()).isEqualTo(200);
    assertThat(vcjob.body()).contains("\"ps\"").contains("\"tensorflow\"");

    awaitPhase(alice, id, "SUCCEEDED");
    assertThat(alice.get("api/v1/jobs/" + id + "/logs").raw()).contains("worker");
    Map<String, Object> alone = lab.job("GUARANTEED", "A100", 8, "sleep 2");
    alone.put("kind", "TENSORFLOW");
    assertThat(alice.post("api/v1/jobs", alone).status()).isEqualTo(400);
  }

  @Test
  void cancellingARunningJobDeletesItsPodAndKeepsTheRecord() {
    long id = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 60"));
    awaitPhase(alice, id, "RUNNING");

    Reply cancelled = alice.delete("api/v1/jobs/" + id);

    assertThat(cancelled.body().path("phase").asText()).isEqualTo("CANCELLED");
    Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () ->
                sim("api/v1/namespaces/crater-jobs/pods/crater-" + id + "-1").statusCode() == 404);
    assertThat(alice.get("api/v1/jobs/" + id).body().path("phase").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void logsOfMyJobOnlyAndOnlyOnceStarted() {
    long id = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 1"));
    Api bob = Api.at(base).signUpAndLogIn("bob", PASSWORD);
    long holder =
        submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 60")); // alice's whole quota
    long waiting = submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 1")); // waits for it

    awaitPhase(alice, id, "SUCCEEDED");
    Reply logs = alice.get("api/v1/jobs/" + id + "/logs?tail=5");
    Reply followed = alice.get("api/v1/jobs/" + id + "/logs?follow=true");

    assertThat(logs.status()).isEqualTo(200);
    assertThat(logs.raw()).contains("crater-" + id + "-1");
    assertThat(followed.header("Content-Type")).isEqualTo("text/event-stream");
    assertThat(followed.raw())
        .contains("data: ")
        .contains("exited with code 0")
        .endsWith("event: end\ndata:\n\n");
    assertThat(alice.get("api/v1/jobs/" + waiting + "/logs").code()).isEqualTo("job-not-started");
    assertThat(alice.get("api/v1/jobs/" + id + "/logs?tail=-1").code()).isEqualTo("invalid-query");
    assertThat(bob.get("api/v1/jobs/" + id + "/logs").status()).isEqualTo(404);
    assertThat(alice.get("api/v1/jobs/" + waiting).body().path("waiting").path("reason").asText())
        .isEqualTo("QuotaExceeded");
    alice.delete("api/v1/jobs/" + waiting);
    alice.delete("api/v1/jobs/" + holder);
  }

  @Test
  void followedLogsAreCappedLeaveTheApiAnsweringAndEndWhenTheirClientsGo() throws Exception {
    long id = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 600"));
    awaitPhase(alice, id, "RUNNING");
    String path = "api/v1/jobs/" + id + "/logs?follow=true";
    List<HttpResponse<InputStream>> followers = new ArrayList<>();

    for (int i = 0; i < 4; i++) { // crater.logs.max-streams-per-user
      followers.add(alice.stream(path));
    }
    Reply fifth = alice.within(Duration.ofSeconds(10)).get(path);
    Api quick = Api.at(base).within(Duration.ofSeconds(5));

    for (HttpResponse<InputStream> follower : followers) {
      assertThat(follower.statusCode()).isEqualTo(200);
      assertThat(follower.headers().firstValue("Content-Type")).hasValue("text/event-stream");
      assertThat(firstLine(follower.body())).isEqualTo(": keep-alive");
    }
    assertThat(fifth.status()).isEqualTo(429);
    assertThat(fifth.code()).isEqualTo("too-many-streams");
    assertThat(fifth.header("Retry-After")).isNotBlank();
    assertThat(quick.get("api/v1/version").status()).isEqualTo(200);
    assertThat(quick.get("/health/ready").status()).isEqualTo(200);

    for (HttpResponse<InputStream> follower : followers) {
      follower.body().close();
    }
    Awaitility.await("the closed clients' places are free again")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> followAndClose(alice, path) == 200);
    alice.delete("api/v1/jobs/" + id);
  }

  private static String firstLine(InputStream events) throws IOException {
    return new BufferedReader(new InputStreamReader(events, StandardCharsets.UTF_8)).readLine();
  }

  private static int followAndClose(Api api, String path) throws IOException {
    HttpResponse<InputStream> follower = api.stream(path);
    follower.body().close();
    return follower.statusCode();
  }

  @Test
  void theClusterSummaryCountsQueuedJobsPerAccount() {
    long holder =
        submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 60")); // alice's whole quota
    long id = submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 1")); // waits for it
    awaitPhase(alice, holder, "RUNNING");

    Reply summary = alice.get("api/v1/nodes/summary");

    assertThat(summary.body().path("nodes").asInt()).isEqualTo(5);
    assertThat(summary.body().path("gpus").findValuesAsText("model")).contains("A100", "V100");
    assertThat(summary.body().path("queued").path(lab.name()).asLong()).isEqualTo(1);
    alice.delete("api/v1/jobs/" + id);
    alice.delete("api/v1/jobs/" + holder);
  }

  @Test
  void aJobWhoseNodesAreGoneWaitsAsNeverFitsAndHoldsNoLaterJobBack() {
    SimCluster sim = SimulatedCluster.current();
    String k80 = sim.addNodes(NodePool.parse("1:K80:2", "8", "32Gi")).get(0);
    try {
      sim.setNodeReady(k80, false); // holds nothing now, but could once it is back
      Awaitility.await()
          .atMost(PATIENCE)
          .until(() -> alice.get("api/v1/nodes/gpus").raw().contains("\"K80\""));
      long stranded = submit(alice, lab.job("BEST_EFFORT", "K80", 1, "sleep 1"));
      long behind = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 1"));
      Awaitility.await().atMost(PATIENCE).until(() -> waitingReason(stranded).equals("NoCapacity"));
      assertThat(waitingReason(behind)).isEqualTo("BehindInQueue");

      sim.deleteNode(k80);

      awaitPhase(alice, behind, "SUCCEEDED");
      assertThat(waitingReason(stranded)).isEqualTo("NeverFits");
      assertThat(alice.post("api/v1/jobs", lab.job("BEST_EFFORT", "K80", 1, "sleep 1")).code())
          .as("no K80 node is left to submit to")
          .isEqualTo("invalid-job");
      alice.delete("api/v1/jobs/" + stranded);
    } finally {
      if (sim.store().find(ResourceRegistry.NODES, null, k80).isPresent()) {
        sim.deleteNode(k80);
      }
    }
  }

  @Test
  void aJobTheClusterRefusesFailsWithTheClustersReasonAndFreesItsQuota() {
    SimCluster sim = SimulatedCluster.current();
    sim.denyCreates(
        "images.policy.example",
        body -> body.toString().contains("registry.example.org/unvetted/"),
        "images must come from a vetted registry");
    try {
      Map<String, Object> unvetted = lab.job("GUARANTEED", "A100", 1, "sleep 1");
      unvetted.put("image", "registry.example.org/unvetted/train:1");
      long refused = submit(alice, unvetted);

      JsonNode failed = awaitPhase(alice, refused, "FAILED");
      long next = submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 1")); // the same one GPU

      assertThat(failed.path("reason").asText()).isEqualTo("Rejected");
      assertThat(failed.path("reasonMessage").asText())
          .contains(
              "admission webhook \"images.policy.example\" denied the request: images must come"
                  + " from a vetted registry");
      assertThat(moves(alice, refused)).containsExactly("QUEUEING", "CREATED", "FAILED");
      awaitPhase(alice, next, "SUCCEEDED");
    } finally {
      sim.allowAllCreates();
    }
  }

  private String waitingReason(long id) {
    return alice.get("api/v1/jobs/" + id).body().path("waiting").path("reason").asText();
  }

  private static HttpResponse<String> sim(String path) {
    return simSend(path, "GET");
  }

  private static int simDelete(String path) {
    return simSend(path, "DELETE").statusCode();
  }

  private static HttpResponse<String> simSend(String path, String method) {
    try {
      URI uri =
          URI.create("http://127.0.0.1:" + System.getProperty("crater.it.sim.port") + "/" + path);
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(uri)
                  .method(method, HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
