package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
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
 * Submitting, reading and cancelling jobs over HTTP on the built war, MariaDB and the simulated
 * cluster.
 */
@ExtendWith(ArquillianExtension.class)
class JobsIT {

  private static final String PASSWORD = "correct horse 3";

  @ArquillianResource private URL base;

  private Api alice;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  @BeforeEach
  void signUp() {
    alice = Api.at(base).signUpAndLogIn("alice", PASSWORD);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> alice.get("api/v1/nodes").status() == 200);
  }

  private static Map<String, Object> job(String slo, Map<String, String> resources) {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "train");
    job.put("kind", "BATCH");
    job.put("taskType", "TRAINING");
    job.put("slo", slo);
    job.put("image", "pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime");
    job.put("command", List.of("python", "train.py"));
    job.put("resources", resources);
    job.put("gpuModel", "A100");
    return job;
  }

  private static Map<String, Object> oneGpu() {
    return job("GUARANTEED", Map.of("cpu", "4", "memory", "16Gi", "nvidia.com/gpu", "1"));
  }

  @Test
  void submitsListsShowsCancelsAndArchivesAJob() {
    Reply submitted = alice.post("api/v1/jobs", oneGpu());
    long id = submitted.body().path("id").asLong();

    Reply list = alice.get("api/v1/jobs");
    Reply detail = alice.get("api/v1/jobs/" + id);
    Reply cancelled = alice.delete("api/v1/jobs/" + id);
    Reply listedCancelled = alice.get("api/v1/jobs");
    Reply archived = alice.delete("api/v1/jobs/" + id);
    Reply again = alice.delete("api/v1/jobs/" + id);
    Reply listedArchived = alice.get("api/v1/jobs");
    Reply withArchived = alice.get("api/v1/jobs?archived=true");
    Reply events = alice.get("api/v1/jobs/" + id + "/events");
    Reply statistics = alice.get("api/v1/jobs/statistics");

    assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
    assertThat(submitted.header("Location")).endsWith("/api/v1/jobs/" + id);
    assertThat(submitted.body().path("phase").asText()).isEqualTo("QUEUEING");
    assertThat(submitted.body().path("resources").path("memory").asText()).isEqualTo("16Gi");
    assertThat(list.body().path("total").asLong()).isEqualTo(1);
    assertThat(detail.body().path("account").asText()).isEqualTo("default");
    assertThat(cancelled.body().path("phase").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.body().has("archivedAt")).as("not archived").isFalse();
    assertThat(listedCancelled.body().path("total").asLong()).as("a cancelled job").isEqualTo(1);
    assertThat(archived.status()).as(archived.raw()).isEqualTo(200);
    assertThat(archived.body().path("phase").asText()).isEqualTo("CANCELLED");
    assertThat(archived.body().path("archivedAt").isTextual()).isTrue();
    assertThat(again.status()).as("archiving again changes nothing").isEqualTo(200);
    assertThat(again.body().path("archivedAt").isTextual()).isTrue();
    assertThat(listedArchived.body().path("total").asLong()).isZero();
    assertThat(withArchived.body().path("items").findValuesAsText("id"))
        .containsExactly(Long.toString(id));
    List<String> moves = events.body().findValuesAsText("to");
    assertThat(moves).first().isEqualTo("QUEUEING");
    assertThat(moves).last().isEqualTo("CANCELLED");
    assertThat(events.body().findValuesAsText("reason"))
        .endsWith("Cancelled", "Archived")
        .containsOnlyOnce("Archived");
    assertThat(events.body().get(moves.size() - 1).path("actor").asText()).startsWith("alice-");
    assertThat(statistics.body().path("CANCELLED").asLong())
        .as("an archived job still counts")
        .isEqualTo(1);
  }

  @Test
  void refusesJobsThatCannotRunWithFieldErrors() {
    Map<String, Object> bad = job("GUARANTEED", Map.of("cpu", "-2", "nvidia.com/gpu", "1"));
    bad.put("image", "Not An Image!");
    bad.put("gpuModel", "H100");
    bad.put("command", List.of(" "));
    bad.put("mounts", List.of(Map.of("pvc", "someone-elses-data", "mountPath", "/data")));

    Reply quantities = alice.post("api/v1/jobs", bad);
    bad.put("resources", Map.of("cpu", "2"));
    Reply rules = alice.post("api/v1/jobs", bad);
    Reply empty = alice.post("api/v1/jobs", Map.of("name", "x"));

    assertThat(quantities.status()).isEqualTo(400);
    assertThat(quantities.body().path("errors").findValuesAsText("field"))
        .containsExactly("resources.cpu");
    assertThat(rules.status()).isEqualTo(400);
    assertThat(rules.code()).isEqualTo("invalid-job");
    assertThat(rules.body().path("errors").findValuesAsText("field"))
        .containsExactly("command", "gpuModel", "image", "mounts[0]");
    assertThat(empty.code()).isEqualTo("validation-failed");
  }

  @Test
  void guaranteedJobsMustFitTheWholeQuotaBestEffortNeedNot() {
    Map<String, String> twoGpus = Map.of("cpu", "4", "memory", "16Gi", "nvidia.com/gpu", "2");

    Map<String, String> nineGpus = Map.of("cpu", "4", "memory", "16Gi", "nvidia.com/gpu", "9");

    Reply guaranteed = alice.post("api/v1/jobs", job("GUARANTEED", twoGpus));
    Reply bestEffort = alice.post("api/v1/jobs", job("BEST_EFFORT", nineGpus)); // stays queued

    Reply upgrade =
        alice.put(
            "api/v1/jobs/" + bestEffort.body().path("id").asLong() + "/slo",
            Map.of("slo", "GUARANTEED"));

    assertThat(guaranteed.status()).isEqualTo(422);
    assertThat(guaranteed.code()).isEqualTo("quota-exceeded");
    assertThat(guaranteed.body().path("detail").asText()).contains("nvidia.com/gpu");
    assertThat(bestEffort.status()).isEqualTo(201);
    assertThat(upgrade.code()).as("no way around the quota check").isEqualTo("quota-exceeded");
    alice.delete("api/v1/jobs/" + bestEffort.body().path("id").asLong());
  }

  @Test
  void anotherUsersJobDoesNotExistForYou() {
    long id = alice.post("api/v1/jobs", oneGpu()).body().path("id").asLong();
    Api bob = Api.at(base).signUpAndLogIn("bob", PASSWORD);

    assertThat(bob.get("api/v1/jobs/" + id).status()).isEqualTo(404);
    assertThat(bob.get("api/v1/jobs/" + id + "/events").status()).isEqualTo(404);
    assertThat(bob.put("api/v1/jobs/" + id + "/slo", Map.of("slo", "BEST_EFFORT")).status())
        .isEqualTo(404);
    assertThat(bob.delete("api/v1/jobs/" + id).status()).isEqualTo(404);
    assertThat(bob.get("api/v1/jobs").body().path("total").asLong()).isZero();
    assertThat(alice.get("api/v1/jobs/" + id).status()).isEqualTo(200);
    assertThat(bob.post("api/v1/jobs", withAccount(oneGpu(), "no-such-account")).status())
        .isEqualTo(404);
  }

  @Test
  void administratorsSeeAndCancelEveryJob() {
    long id = alice.post("api/v1/jobs", oneGpu()).body().path("id").asLong();
    Api admin = Api.at(base).asAdmin();

    Reply all = admin.get("api/v1/admin/jobs?size=500");
    Reply cancelled = admin.delete("api/v1/admin/jobs/" + id);

    assertThat(all.body().path("items").findValuesAsText("id")).contains(Long.toString(id));
    assertThat(cancelled.body().path("phase").asText()).isEqualTo("CANCELLED");
    assertThat(alice.get("api/v1/admin/jobs").status()).isEqualTo(403);
  }

  @Test
  void administratorsSeeArchivedJobsOnlyWhenTheyAsk() {
    long id = alice.post("api/v1/jobs", oneGpu()).body().path("id").asLong();
    alice.delete("api/v1/jobs/" + id);
    alice.delete("api/v1/jobs/" + id);
    Api admin = Api.at(base).asAdmin();

    Reply all = admin.get("api/v1/admin/jobs?size=500");
    Reply withArchived = admin.get("api/v1/admin/jobs?size=500&archived=true");
    Reply badFlag = alice.get("api/v1/jobs?archived=maybe");

    assertThat(all.body().path("items").findValuesAsText("id")).doesNotContain(Long.toString(id));
    assertThat(withArchived.body().path("items").findValuesAsText("id"))
        .contains(Long.toString(id));
    assertThat(badFlag.status()).isEqualTo(400);
    assertThat(badFlag.code()).isEqualTo("invalid-query");
  }

  @Test
  void theServiceLevelChangesWhileQueued() {
    alice.post("api/v1/jobs", oneGpu()); // takes alice's whole quota of one GPU
    long id = alice.post("api/v1/jobs", oneGpu()).body().path("id").asLong();

    Reply changed = alice.put("api/v1/jobs/" + id + "/slo", Map.of("slo", "BEST_EFFORT"));
    alice.delete("api/v1/jobs/" + id);
    Reply late = alice.put("api/v1/jobs/" + id + "/slo", Map.of("slo", "GUARANTEED"));

    assertThat(changed.body().path("slo").asText()).isEqualTo("BEST_EFFORT");
    assertThat(late.status()).isEqualTo(409);
  }

  @Test
  void filtersAndPagesTheList() {
    alice.post("api/v1/jobs", oneGpu()); // admitted: alice's quota is one GPU
    long cancelled = alice.post("api/v1/jobs", oneGpu()).body().path("id").asLong();
    alice.delete("api/v1/jobs/" + cancelled);
    alice.post("api/v1/jobs", oneGpu()); // waits for the first

    Reply queued = alice.get("api/v1/jobs?phase=QUEUEING");
    Reply firstPage = alice.get("api/v1/jobs?size=1&sort=oldest");
    Reply future = alice.get("api/v1/jobs?since=2100-01-01T00:00:00Z");
    Reply badPhase = alice.get("api/v1/jobs?phase=SLEEPING");
    Reply badTime = alice.get("api/v1/jobs?since=yesterday");

    assertThat(queued.body().path("total").asLong()).isEqualTo(1);
    assertThat(firstPage.body().path("items")).hasSize(1);
    assertThat(firstPage.body().path("total").asLong()).isEqualTo(3);
    assertThat(future.body().path("total").asLong()).isZero();
    assertThat(badPhase.status()).isEqualTo(400);
    assertThat(badPhase.body().path("errors").get(0).path("field").asText()).isEqualTo("phase");
    assertThat(badTime.code()).isEqualTo("invalid-query");
  }

  private static Map<String, Object> withAccount(Map<String, Object> job, String account) {
    job.put("account", account);
    return job;
  }
}
