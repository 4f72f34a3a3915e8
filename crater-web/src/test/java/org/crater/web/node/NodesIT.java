package org.crater.web.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nodes API on the built war, reading the simulated cluster (3 A100 and 1 V100 nodes of 8 GPUs,
 * 1 T4 node of 4) through client-java informers over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class NodesIT {

  private static final String PASSWORD = "correct horse 1";

  @ArquillianResource private URL base;

  private Api user;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  @BeforeEach
  void logIn() {
    user = Api.at(base).signUpAndLogIn("nina", PASSWORD);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> user.get("api/v1/nodes").status() == 200);
  }

  @Test
  void listsEveryNodeWithItsGpuModelAndResources() {
    Reply reply = user.get("api/v1/nodes");

    assertThat(reply.body()).hasSize(5);
    JsonNode first = reply.body().get(0);
    assertThat(first.path("name").asText()).isEqualTo("a100-node-0");
    assertThat(first.path("gpuModel").asText()).isEqualTo("A100");
    assertThat(first.path("ready").asBoolean()).isTrue();
    assertThat(first.path("capacity").path("nvidia.com/gpu").asText()).isEqualTo("8");
    assertThat(first.path("capacity").path("memory").asText()).isEqualTo("512Gi");
    assertThat(reply.body().findValuesAsText("gpuModel")).containsOnly("A100", "T4", "V100");
  }

  @Test
  void summarisesGpusPerModel() {
    Reply reply = user.get("api/v1/nodes/gpus");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().findValuesAsText("model")).containsExactly("A100", "T4", "V100");
    JsonNode a100 = reply.body().get(0);
    assertThat(a100.path("nodes").asInt()).isEqualTo(3);
    assertThat(a100.path("allocatable").asLong()).isEqualTo(24);
    assertThat(a100.path("largestFree").asLong()).isLessThanOrEqualTo(8);
  }

  @Test
  void showsOneNodeAndRefusesUnknownOnes() {
    assertThat(user.get("api/v1/nodes/v100-node-0").body().path("gpuModel").asText())
        .isEqualTo("V100");
    assertThat(user.get("api/v1/nodes/no-such-node").code()).isEqualTo("node-not-found");
    assertThat(Api.at(base).get("api/v1/nodes").status()).isEqualTo(401);
  }

  @Test
  void aUserSeesCountsAndOnlyTheirOwnPodsJobsAndAccounts() {
    Api admin = Api.at(base).asAdmin();
    String ownerName = Api.unique("owner");
    assertThat(
            Api.at(base)
                .post("api/v1/auth/signup", Map.of("username", ownerName, "password", PASSWORD))
                .status())
        .isEqualTo(201);
    Api owner = Api.at(base).logIn(ownerName, PASSWORD);
    String account = Api.unique("hidden");
    admin.post(
        "api/v1/admin/accounts",
        Map.of(
            "name",
            account,
            "displayName",
            "Hidden",
            "expiresAt",
            Instant.now().minus(Duration.ofDays(1)).toString()));
    admin.put(
        "api/v1/admin/accounts/" + account + "/members/" + ownerName, Map.of("role", "MEMBER"));
    long running = owner.post("api/v1/jobs", job("default", "cpu", "1")).body().path("id").asLong();
    // The hidden account has expired, so its job waits in the queue.
    assertThat(owner.post("api/v1/jobs", job(account, "cpu", "1")).status()).isEqualTo(201);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> owner.get("api/v1/jobs/" + running).body().path("phase").asText(),
            "RUNNING"::equals);
    String pod = "crater-" + running + "-";
    String node = nodeOf(admin, running);

    JsonNode seenByOther = user.get("api/v1/nodes/" + node).body();
    JsonNode seenByOwner = owner.get("api/v1/nodes/" + node).body();
    JsonNode seenByAdmin = admin.get("api/v1/nodes/" + node).body();

    assertThat(texts(seenByOther.path("jobs"))).doesNotContain(Long.toString(running));
    assertThat(texts(seenByOther.path("pods"))).noneMatch(p -> p.contains(pod));
    assertThat(seenByOther.path("jobCount").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(seenByOther.path("podCount").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(texts(seenByOwner.path("jobs"))).containsExactly(Long.toString(running));
    assertThat(texts(seenByOwner.path("pods"))).allMatch(p -> p.contains(pod)).isNotEmpty();
    assertThat(texts(seenByAdmin.path("jobs"))).contains(Long.toString(running));
    assertThat(texts(user.get("api/v1/nodes").body().findPath("pods")))
        .noneMatch(p -> p.contains(pod));
    JsonNode otherSummary = user.get("api/v1/nodes/summary").body();
    assertThat(otherSummary.path("queued").has(account)).isFalse();
    assertThat(otherSummary.path("queuedTotal").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(owner.get("api/v1/nodes/summary").body().path("queued").path(account).asLong())
        .isEqualTo(1);
    assertThat(admin.get("api/v1/nodes/summary").body().path("queued").path(account).asLong())
        .isEqualTo(1);
  }

  private String nodeOf(Api admin, long job) {
    for (JsonNode node : admin.get("api/v1/nodes").body()) {
      if (texts(node.path("jobs")).contains(Long.toString(job))) {
        return node.path("name").asText();
      }
    }
    throw new AssertionError("job " + job + " is on no node");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static Map<String, Object> job(String account, String resource, String amount) {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "seen");
    job.put("account", account);
    job.put("kind", "BATCH");
    job.put("taskType", "EXPERIMENT");
    job.put("slo", "BEST_EFFORT");
    job.put("image", "busybox:1.36");
    job.put("command", List.of("sh", "-c", "sleep 60"));
    Map<String, String> resources = new HashMap<>(Map.of("cpu", "1", "memory", "1Gi"));
    resources.put(resource, amount);
    job.put("resources", resources);
    return job;
  }

  @Test
  void readinessReportsTheClusterAndItsLeader() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () -> {
              Reply ready = Api.at(base).get("/health/ready");
              assertThat(ready.status()).isEqualTo(200);
              JsonNode cluster = check(ready.body(), "cluster");
              assertThat(cluster.path("status").asText()).isEqualTo("UP");
              assertThat(cluster.path("data").path("synced").asBoolean()).isTrue();
              assertThat(cluster.path("data").path("leader").asBoolean()).isTrue();
            });
  }

  private static JsonNode check(JsonNode health, String name) {
    for (JsonNode check : health.path("checks")) {
      if (check.path("name").asText().equals(name)) {
        return check;
      }
    }
    throw new AssertionError("no health check named " + name + " in " + health);
  }
}
