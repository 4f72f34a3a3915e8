package org.crater.web.policy;

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
import org.awaitility.Awaitility;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.crater.sim.api.ResourceRegistry;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cluster's policies end to end over HTTP: run-time limits warn and stop, long waits warn or
 * cancel, extension requests are approved automatically or by an administrator and move the
 * deadline, bad policies answer 400 naming the field, and a restart between a warning and a stop
 * neither warns twice nor skips the stop. One Payara Micro process of its own (checks every 0.5 s),
 * its own MariaDB database and its own simulated cluster. Idle reclamation is covered by unit tests
 * of its decisions only: this build has no source of GPU utilisation, which the policy view says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoliciesIT {

  private static final String PASSWORD = "correct horse 3";
  private static final String NAMESPACE = "crater-jobs";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private SimCluster sim;
  private final Map<String, String> env = new HashMap<>();
  private CraterProcess backend;
  private int port;
  private Api admin;

  @BeforeAll
  void start() throws IOException {
    sim =
        SimCluster.start(
            SimConfig.builder()
                .port(CraterProcess.freePort())
                .nodePool(NodePool.parse("4:A100:8", "64", "512Gi"))
                .namespace(NAMESPACE)
                .build());
    env.put("CRATER_DB_URL", System.getProperty("crater.it.policies.db.url"));
    env.put("CRATER_K8S_URL", sim.url());
    env.put("CRATER_POLICIES_CHECK_PERIOD", "PT0.5S");
    port = CraterProcess.freePort();
    backend = CraterProcess.start("policies", env, port);
    admin = Api.at(backend.base()).asAdmin();
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (backend != null) {
      backend.close();
    }
    sim.close();
  }

  @Test
  void aRunTimeLimitWarnsTheOwnerThenStopsTheJobAndFreesItsPod() throws Exception {
    String account =
        account("run", Map.of("batchMaxRunTime", "PT8S", "runTimeWarningBefore", "PT5S"));
    Api owner = memberOf(account);
    long id = submit(owner, account, "sleep 300", false);
    awaitPhase(owner, id, "RUNNING");

    JsonNode stopped = awaitPhase(owner, id, "CANCELLED");
    assertThat(stopped.path("reason").asText()).isEqualTo("RunTimeExceeded");
    List<JsonNode> events = events(owner, id);
    JsonNode warning = only(events, "RunTimeWarning");
    assertThat(warning.path("from").asText()).isEqualTo("RUNNING");
    assertThat(warning.path("to").asText()).isEqualTo("RUNNING");
    assertThat(warning.path("actor").asText()).isEqualTo("policy");
    JsonNode stop = only(events, "RunTimeExceeded");
    assertThat(stop.path("to").asText()).isEqualTo("CANCELLED");
    assertThat(stop.path("message").asText()).contains("PT8S");
    Awaitility.await("pod deleted")
        .atMost(PATIENCE)
        .until(
            () ->
                sim.store()
                    .find(ResourceRegistry.PODS, NAMESPACE, "crater-" + id + "-1")
                    .isEmpty());
    assertThat(metrics())
        .containsPattern(
            "crater_policy_actions_total\\{[^}]*reason=\"RunTimeExceeded\"[^}]*} [1-9]")
        .containsPattern("crater_policy_stopped_gpus_total\\{[^}]*} [1-9]")
        .contains("crater_policy_reclaimed_gpu_hours");
  }

  @Test
  void aLongWaitWarnsTheOwnerAndAfterAPolicyChangeCancelsTheJob() {
    String account = account("queue", Map.of("maxQueueTime", "PT3S"));
    Api owner = memberOf(account);
    long holder = submit(owner, account, "sleep 300", true);
    awaitPhase(owner, holder, "RUNNING");
    long waiting = submit(owner, account, "sleep 300", true);

    Awaitility.await("queue-time warning")
        .atMost(PATIENCE)
        .until(() -> count(events(owner, waiting), "QueueTimeWarning") == 1);
    JsonNode warning = only(events(owner, waiting), "QueueTimeWarning");
    assertThat(warning.path("to").asText()).isEqualTo("QUEUEING");
    assertThat(owner.get("api/v1/jobs/" + waiting).body().path("phase").asText())
        .isEqualTo("QUEUEING");

    Reply changed =
        admin.put(
            "api/v1/admin/accounts/" + account + "/policy",
            Map.of("maxQueueTime", "PT3S", "cancelAfterQueueTime", true));
    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    JsonNode cancelled = awaitPhase(owner, waiting, "CANCELLED");
    assertThat(cancelled.path("reason").asText()).isEqualTo("QueueTimeExceeded");
    assertThat(count(events(owner, waiting), "QueueTimeWarning")).isEqualTo(1);
    assertThat(owner.get("api/v1/jobs/" + holder).body().path("phase").asText())
        .as("a running job is not queued")
        .isEqualTo("RUNNING");
    owner.delete("api/v1/jobs/" + holder);
  }

  @Test
  void extensionsAreApprovedByTheAccountsPolicyUpToItsLimitThenByAnAdministrator() {
    String account =
        account(
            "ext",
            Map.of(
                "batchMaxRunTime", "PT12S", "runTimeWarningBefore", "PT2S", "autoApproveHours", 2));
    Api owner = memberOf(account);
    long id = submit(owner, account, "sleep 300", false);
    awaitPhase(owner, id, "RUNNING");
    String path = "api/v1/jobs/" + id + "/extensions";

    Reply invalid = owner.post(path, Map.of("hours", 0, "reason", " "));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().path("errors").findValuesAsText("field"))
        .containsExactly("hours", "reason");
    Api stranger = Api.at(backend.base()).signUpAndLogIn("stranger", PASSWORD);
    assertThat(stranger.post(path, Map.of("hours", 1, "reason", "mine")).status()).isEqualTo(404);
    assertThat(stranger.get(path).status()).isEqualTo(404);

    Reply auto = owner.post(path, Map.of("hours", 2, "reason", "the last epochs"));
    assertThat(auto.status()).as(auto.raw()).isEqualTo(201);
    assertThat(auto.body().path("state").asText()).isEqualTo("APPROVED");
    assertThat(auto.body().path("decidedBy").asText()).isEqualTo("policy");

    Reply pending = owner.post(path, Map.of("hours", 1, "reason", "evaluation"));
    assertThat(pending.body().path("state").asText()).as(pending.raw()).isEqualTo("PENDING");
    Reply again = owner.post(path, Map.of("hours", 1, "reason", "evaluation"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("extension-pending");
    long pendingId = pending.body().path("id").asLong();
    assertThat(admin.get("api/v1/admin/extensions?state=pending").body().findValues("id"))
        .extracting(JsonNode::asLong)
        .contains(pendingId);
    assertThat(owner.get("api/v1/admin/extensions?state=pending").status()).isEqualTo(403);
    assertThat(admin.get("api/v1/admin/extensions?state=later").status()).isEqualTo(400);

    Reply approved =
        admin.post("api/v1/admin/extensions/" + pendingId + "/approve", Map.of("message", "ok"));
    assertThat(approved.body().path("state").asText()).as(approved.raw()).isEqualTo("APPROVED");
    assertThat(admin.post("api/v1/admin/extensions/" + pendingId + "/reject", Map.of()).code())
        .isEqualTo("extension-decided");
    long third = owner.post(path, Map.of("hours", 1, "reason", "more")).body().path("id").asLong();
    Reply rejected =
        admin.post("api/v1/admin/extensions/" + third + "/reject", Map.of("message", "enough"));
    assertThat(rejected.body().path("state").asText()).isEqualTo("REJECTED");

    // 12 s plus 3 approved hours: long past the bare limit, the job still runs, unwarned.
    Awaitility.await().pollDelay(Duration.ofSeconds(15)).atMost(PATIENCE).until(() -> true);
    assertThat(owner.get("api/v1/jobs/" + id).body().path("phase").asText()).isEqualTo("RUNNING");
    List<JsonNode> events = events(owner, id);
    assertThat(count(events, "ExtensionRequested")).isEqualTo(3);
    assertThat(count(events, "ExtensionApproved")).isEqualTo(2);
    assertThat(count(events, "ExtensionRejected")).isEqualTo(1);
    assertThat(count(events, "RunTimeWarning")).isZero();
    assertThat(count(events, "RunTimeExceeded")).isZero();
    owner.delete("api/v1/jobs/" + id);
  }

  @Test
  void aJobWithoutALimitOrWarningHasNothingToExtend() {
    String account = account("nolimit", Map.of());
    Api owner = memberOf(account);
    long id = submit(owner, account, "sleep 300", false);
    assertThat(
            owner
                .post("api/v1/jobs/" + id + "/extensions", Map.of("hours", 1, "reason", "x"))
                .code())
        .isIn("job-not-running", "no-limit");
    awaitPhase(owner, id, "RUNNING");
    assertThat(
            owner
                .post("api/v1/jobs/" + id + "/extensions", Map.of("hours", 1, "reason", "x"))
                .code())
        .isEqualTo("no-limit");
    owner.delete("api/v1/jobs/" + id);
  }

  @Test
  void policiesAreSetByAdministratorsValidatedAndReadByMembers() {
    Reply bad =
        admin.put(
            "api/v1/admin/policies/default",
            Map.of("batchMaxRunTime", "two hours", "idleThresholdPercent", 150));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo("invalid-policy");
    assertThat(bad.body().path("errors").findValuesAsText("field"))
        .contains("batchMaxRunTime", "idleThresholdPercent", "idleWindow", "idleGrace");
    assertThat(bad.raw()).doesNotContain("Exception");

    Api member = Api.at(backend.base()).signUpAndLogIn("reader", PASSWORD);
    assertThat(member.put("api/v1/admin/policies/default", Map.of()).status()).isEqualTo(403);
    assertThat(admin.get("api/v1/admin/accounts/nosuch/policy").status()).isEqualTo(404);

    String account =
        account(
            "idle", Map.of("idleThresholdPercent", 5, "idleWindow", "PT1M", "idleGrace", "PT30S"));
    JsonNode own = admin.get("api/v1/admin/accounts/" + account + "/policy").body();
    assertThat(own.path("idleWindow").asText()).isEqualTo("PT1M");
    assertThat(own.path("idleReclamation").asText())
        .as("no source of GPU utilisation is configured")
        .isEqualTo("unavailable");
    assertThat(own.path("batchMaxRunTime").isTextual()).as("off").isFalse();

    assertThat(member.get("api/v1/policy?account=" + account).status())
        .as("not a member")
        .isEqualTo(404);
    JsonNode fallback = member.get("api/v1/policy").body();
    assertThat(fallback.path("idleReclamation").asText()).isEqualTo("off");

    assertThat(admin.delete("api/v1/admin/accounts/" + account + "/policy").status())
        .isEqualTo(204);
    assertThat(admin.get("api/v1/admin/accounts/" + account + "/policy").code())
        .isEqualTo("no-account-policy");
  }

  @Test
  void aRestartBetweenTheWarningAndTheStopNeitherWarnsTwiceNorSkipsTheStop() throws Exception {
    String account =
        account("restart", Map.of("batchMaxRunTime", "PT150S", "runTimeWarningBefore", "PT140S"));
    Api owner = memberOf(account);
    long id = submit(owner, account, "sleep 600", false);
    awaitPhase(owner, id, "RUNNING");
    Awaitility.await("warning")
        .atMost(PATIENCE)
        .until(() -> count(events(owner, id), "RunTimeWarning") == 1);

    backend.close();
    backend = CraterProcess.start("policies-2", env, port);
    admin = Api.at(backend.base()).asAdmin();
    Api again = owner.on(backend.base()); // the same signing secret: its token still holds
    Awaitility.await("the new process checks the policies")
        .atMost(PATIENCE)
        .until(
            () ->
                metrics()
                    .matches(
                        "(?s).*crater_timer_runs_total\\{[^}]*timer=\"policies\"[^}]*} [1-9].*"));
    Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> true);
    assertThat(count(events(again, id), "RunTimeWarning")).isEqualTo(1);

    Awaitility.await("stopped at the deadline, 150 s after the start")
        .atMost(Duration.ofMinutes(3))
        .until(
            () -> again.get("api/v1/jobs/" + id).body().path("phase").asText().equals("CANCELLED"));
    JsonNode stopped = again.get("api/v1/jobs/" + id).body();
    assertThat(stopped.path("reason").asText()).isEqualTo("RunTimeExceeded");
    List<JsonNode> events = events(again, id);
    assertThat(count(events, "RunTimeWarning")).isEqualTo(1);
    assertThat(count(events, "RunTimeExceeded")).isEqualTo(1);
  }

  /** A new account with its own policy and no quota for guaranteed work beyond one GPU. */
  private String account(String prefix, Map<String, Object> policy) {
    String name = Api.unique(prefix).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    Reply created =
        admin.post(
            "api/v1/admin/accounts",
            Map.of(
                "name",
                name,
                "displayName",
                prefix,
                "quota",
                Map.of("cpu", "4", "memory", "8Gi", "nvidia.com/gpu", "1")));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    Reply put = admin.put("api/v1/admin/accounts/" + name + "/policy", policy);
    assertThat(put.status()).as(put.raw()).isEqualTo(200);
    return name;
  }

  private Api memberOf(String account) {
    Api api = Api.at(backend.base());
    String username = api.signUp("owner", PASSWORD);
    Reply member =
        admin.put(
            "api/v1/admin/accounts/" + account + "/members/" + username,
            Map.of(
                "role",
                "MEMBER",
                "quota",
                Map.of("cpu", "4", "memory", "8Gi", "nvidia.com/gpu", "1")));
    assertThat(member.status()).as(member.raw()).isEqualTo(200);
    return api.logIn(username, PASSWORD);
  }

  private long submit(Api api, String account, String script, boolean guaranteed) {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "policy");
    job.put("account", account);
    job.put("kind", "BATCH");
    job.put("taskType", "TRAINING");
    job.put("slo", guaranteed ? "GUARANTEED" : "BEST_EFFORT");
    job.put("image", "busybox:1.36");
    job.put("command", List.of("sh", "-c", script));
    job.put("gpuModel", "A100");
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi", "nvidia.com/gpu", "1"));
    Reply reply = api.post("api/v1/jobs", job);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    return reply.body().path("id").asLong();
  }

  private static JsonNode awaitPhase(Api api, long id, String phase) {
    Awaitility.await("job " + id + " " + phase)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.get("api/v1/jobs/" + id).body().path("phase").asText().equals(phase));
    return api.get("api/v1/jobs/" + id).body();
  }

  private static List<JsonNode> events(Api api, long id) {
    List<JsonNode> events = new ArrayList<>();
    api.get("api/v1/jobs/" + id + "/events").body().forEach(events::add);
    return events;
  }

  private static long count(List<JsonNode> events, String reason) {
    return events.stream().filter(e -> e.path("reason").asText().equals(reason)).count();
  }

  private static JsonNode only(List<JsonNode> events, String reason) {
    List<JsonNode> found =
        events.stream().filter(e -> e.path("reason").asText().equals(reason)).toList();
    assertThat(found).as(reason + " in " + events).hasSize(1);
    return found.get(0);
  }

  private String metrics() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    return response.body();
  }
}
