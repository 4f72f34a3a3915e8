package org.crater.web.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
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

  @ArquillianResource private URL base;

  private Api user;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  @BeforeEach
  void logIn() {
    user = Api.at(base).signUpAndLogIn("nina", "correct horse 1");
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
