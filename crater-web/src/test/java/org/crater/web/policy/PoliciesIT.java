package org.crater.web.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.web.policy.PolicyLab.PATIENCE;
import static org.crater.web.policy.PolicyLab.awaitPhase;
import static org.crater.web.policy.PolicyLab.count;
import static org.crater.web.policy.PolicyLab.events;
import static org.crater.web.policy.PolicyLab.only;
import static org.crater.web.policy.PolicyLab.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
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
 * its own MariaDB database and its own simulated cluster. No Prometheus is configured here: idle
 * reclamation is unavailable, which the policy view says, and stops nothing ({@link
 * IdleReclamationIT} runs it with a real Prometheus).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoliciesIT {

  private static final String NAMESPACE = "crater-jobs";

  private SimCluster sim;
  private final Map<String, String> env = new HashMap<>();
  private CraterProcess backend;
  private int port;
  private PolicyLab lab;

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
    lab = new PolicyLab(backend);
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
        lab.account("run", Map.of("batchMaxRunTime", "PT8S", "runTimeWarningBefore", "PT5S"));
    Api owner = lab.memberOf(account);
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
    assertThat(lab.metrics())
        .containsPattern(
            "crater_policy_actions_total\\{[^}]*reason=\"RunTimeExceeded\"[^}]*} [1-9]")
        .containsPattern("crater_policy_stopped_gpus_total\\{[^}]*} [1-9]")
        .contains("crater_policy_reclaimed_gpu_hours");
  }

  @Test
  void aLongWaitWarnsTheOwnerAndAfterAPolicyChangeCancelsTheJob() {
    String account = lab.account("queue", Map.of("maxQueueTime", "PT3S"));
    Api owner = lab.memberOf(account);
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
        lab.admin.put(
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
  void extensionRequestsAreValidatedAndOnlyTheOwnersAndAdministratorsSeeThem() {
    String account = lab.account("extcheck", Map.of("batchMaxRunTime", "PT1H"));
    Api owner = lab.memberOf(account);
    long id = submit(owner, account, "sleep 300", false);
    awaitPhase(owner, id, "RUNNING");
    String path = "api/v1/jobs/" + id + "/extensions";

    Reply invalid = owner.post(path, Map.of("hours", 0, "reason", " "));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().path("errors").findValuesAsText("field"))
        .containsExactly("hours", "reason");
    Api stranger = lab.anonymous().signUpAndLogIn("stranger", PolicyLab.PASSWORD);
    assertThat(stranger.post(path, Map.of("hours", 1, "reason", "mine")).status()).isEqualTo(404);
    assertThat(stranger.get(path).status()).isEqualTo(404);

    assertThat(owner.post(path, Map.of("hours", 1, "reason", "evaluation")).status())
        .isEqualTo(201);
    Reply again = owner.post(path, Map.of("hours", 1, "reason", "evaluation"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("extension-pending");
    assertThat(owner.get(path).body().findValuesAsText("state")).containsExactly("PENDING");
    assertThat(owner.get("api/v1/admin/extensions?state=pending").status()).isEqualTo(403);
    assertThat(lab.admin.get("api/v1/admin/extensions?state=later").status()).isEqualTo(400);
    owner.delete("api/v1/jobs/" + id);
  }

  @Test
  void extensionsAreApprovedByThePolicyUpToItsLimitThenByAnAdministratorAndMoveTheDeadline() {
    String account =
        lab.account(
            "ext",
            Map.of(
                "batchMaxRunTime", "PT12S", "runTimeWarningBefore", "PT2S", "autoApproveHours", 2));
    Api owner = lab.memberOf(account);
    long id = submit(owner, account, "sleep 300", false);
    awaitPhase(owner, id, "RUNNING");
    String path = "api/v1/jobs/" + id + "/extensions";

    Reply auto = owner.post(path, Map.of("hours", 2, "reason", "the last epochs"));
    assertThat(auto.status()).as(auto.raw()).isEqualTo(201);
    assertThat(auto.body().path("state").asText()).isEqualTo("APPROVED");
    assertThat(auto.body().path("decidedBy").asText()).isEqualTo("policy");
    long pending =
        owner.post(path, Map.of("hours", 1, "reason", "eval")).body().path("id").asLong();
    assertThat(lab.admin.get("api/v1/admin/extensions?state=pending").body().findValues("id"))
        .extracting(JsonNode::asLong)
        .contains(pending);
    Reply approved = lab.admin.post(decision(pending, "approve"), Map.of("message", "ok"));
    assertThat(approved.body().path("state").asText()).as(approved.raw()).isEqualTo("APPROVED");
    assertThat(lab.admin.post(decision(pending, "reject"), Map.of()).code())
        .isEqualTo("extension-decided");
    long third = owner.post(path, Map.of("hours", 1, "reason", "more")).body().path("id").asLong();
    Reply rejected = lab.admin.post(decision(third, "reject"), Map.of("message", "enough"));
    assertThat(rejected.body().path("state").asText()).isEqualTo("REJECTED");

    // 12 s plus 3 approved hours: long past the bare limit, the job still runs, unwarned.
    Awaitility.await().pollDelay(Duration.ofSeconds(15)).atMost(PATIENCE).until(() -> true);
    assertThat(owner.get("api/v1/jobs/" + id).body().path("phase").asText()).isEqualTo("RUNNING");
    List<JsonNode> events = events(owner, id);
    assertThat(count(events, "ExtensionRequested")).isEqualTo(3);
    assertThat(count(events, "ExtensionApproved")).isEqualTo(2);
    assertThat(count(events, "ExtensionRejected")).isEqualTo(1);
    assertThat(count(events, "RunTimeWarning") + count(events, "RunTimeExceeded")).isZero();
    owner.delete("api/v1/jobs/" + id);
  }

  private static String decision(long id, String verb) {
    return "api/v1/admin/extensions/" + id + "/" + verb;
  }

  @Test
  void aJobWithoutALimitOrWarningHasNothingToExtend() {
    String account = lab.account("nolimit", Map.of());
    Api owner = lab.memberOf(account);
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
        lab.admin.put(
            "api/v1/admin/policies/default",
            Map.of("batchMaxRunTime", "two hours", "idleThresholdPercent", 150));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo("invalid-policy");
    assertThat(bad.body().path("errors").findValuesAsText("field"))
        .contains("batchMaxRunTime", "idleThresholdPercent", "idleWindow", "idleGrace");
    assertThat(bad.raw()).doesNotContain("Exception");

    Api member = lab.anonymous().signUpAndLogIn("reader", PolicyLab.PASSWORD);
    assertThat(member.put("api/v1/admin/policies/default", Map.of()).status()).isEqualTo(403);
    assertThat(lab.admin.get("api/v1/admin/accounts/nosuch/policy").status()).isEqualTo(404);

    String account =
        lab.account(
            "idle", Map.of("idleThresholdPercent", 5, "idleWindow", "PT1M", "idleGrace", "PT30S"));
    JsonNode own = lab.admin.get("api/v1/admin/accounts/" + account + "/policy").body();
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

    assertThat(lab.admin.delete("api/v1/admin/accounts/" + account + "/policy").status())
        .isEqualTo(204);
    assertThat(lab.admin.get("api/v1/admin/accounts/" + account + "/policy").code())
        .isEqualTo("no-account-policy");
  }

  @Test
  void withoutASourceOfUtilisationAnIdleJobIsNeitherWarnedNorStopped() {
    String account =
        lab.account(
            "noidle",
            Map.of("idleThresholdPercent", 10, "idleWindow", "PT2S", "idleGrace", "PT2S"));
    JsonNode view = lab.admin.get("api/v1/admin/accounts/" + account + "/policy").body();
    assertThat(view.path("idleReclamation").asText()).isEqualTo("unavailable");
    Api owner = lab.memberOf(account);
    long id = submit(owner, account, "sleep 300", false, Map.of("SIM_GPU_UTIL", "2"));
    awaitPhase(owner, id, "RUNNING");

    // Window and grace three times over, at a check every 0.5 s.
    Awaitility.await().pollDelay(Duration.ofSeconds(12)).atMost(PATIENCE).until(() -> true);
    assertThat(owner.get("api/v1/jobs/" + id).body().path("phase").asText()).isEqualTo("RUNNING");
    List<JsonNode> events = events(owner, id);
    assertThat(count(events, "IdleWarning") + count(events, "IdleReclaimed")).isZero();
    owner.delete("api/v1/jobs/" + id);
  }

  @Test
  void aRestartBetweenTheWarningAndTheStopNeitherWarnsTwiceNorSkipsTheStop() throws Exception {
    String account =
        lab.account(
            "restart", Map.of("batchMaxRunTime", "PT150S", "runTimeWarningBefore", "PT140S"));
    Api owner = lab.memberOf(account);
    long id = submit(owner, account, "sleep 600", false);
    awaitPhase(owner, id, "RUNNING");
    Awaitility.await("warning")
        .atMost(PATIENCE)
        .until(() -> count(events(owner, id), "RunTimeWarning") == 1);

    backend.close();
    backend = CraterProcess.start("policies-2", env, port);
    lab = new PolicyLab(backend);
    Api again = owner.on(backend.base()); // the same signing secret: its token still holds
    Awaitility.await("the new process checks the policies")
        .atMost(PATIENCE)
        .until(
            () ->
                lab.metrics()
                    .matches(
                        "(?s).*crater_timer_runs_total\\{[^}]*timer=\"policies\"[^}]*} [1-9].*"));
    Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> true);
    assertThat(count(events(again, id), "RunTimeWarning")).isEqualTo(1);

    JsonNode stopped = awaitPhase(again, id, "CANCELLED", Duration.ofMinutes(3)); // 150 s limit
    assertThat(stopped.path("reason").asText()).isEqualTo("RunTimeExceeded");
    List<JsonNode> events = events(again, id);
    assertThat(count(events, "RunTimeWarning")).isEqualTo(1);
    assertThat(count(events, "RunTimeExceeded")).isEqualTo(1);
  }
}
