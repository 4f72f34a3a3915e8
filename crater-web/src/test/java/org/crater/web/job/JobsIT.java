package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    String closed = expiredAccountOf(alice, 1);

    Reply guaranteed = alice.post("api/v1/jobs", job("GUARANTEED", twoGpus));
    Reply bestEffort =
        alice.post("api/v1/jobs", withAccount(job("BEST_EFFORT", twoGpus), closed)); // waits

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
  void refusesWhatCouldNotBecomeAPodNamingTheField() {
    Map<String, Object> mounted = job("BEST_EFFORT", Map.of("cpu", "1"));
    mounted.put(
        "mounts",
        List.of(
            Map.of("pvc", "p", "mountPath", "data"),
            Map.of("pvc", "p", "mountPath", "/dev/shm"),
            Map.of("pvc", "p", "mountPath", "/")));
    Map<String, Object> env = job("BEST_EFFORT", Map.of("cpu", "1"));
    env.put("env", Map.of("CRATER_JOB_ID", "7", "MODE", "a\u0000b"));
    env.put("name", "res\u0000net");
    env.put("workingDir", "../../etc");
    Map<String, Object> fraction = job("BEST_EFFORT", Map.of("cpu", "1"));
    fraction.put("kind", "PYTORCH");
    fraction.put("replicas", 1.5);

    Map<String, List<String>> fields = new HashMap<>();
    for (Map<String, String> resources :
        List.of(
            Map.of("nvidia.com/gpu", "1000"),
            Map.of("nvidia.com/gpu", "1Ki"),
            Map.of("nvidia.com/GPU", "1"),
            Map.of("cpu", "1", "pods", "2"))) {
      Reply reply = alice.post("api/v1/jobs", job("BEST_EFFORT", resources));
      assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
      fields.put(resources.toString(), reply.body().path("errors").findValuesAsText("field"));
    }
    Reply mounts = alice.post("api/v1/jobs", mounted);
    Reply strings = alice.post("api/v1/jobs", env);
    Reply replicas = alice.post("api/v1/jobs", fraction);

    assertThat(fields.values())
        .containsExactlyInAnyOrder(
            List.of("resources.nvidia.com/gpu"),
            List.of("resources.nvidia.com/gpu"),
            List.of("resources.nvidia.com/GPU"),
            List.of("resources.pods"));
    assertThat(mounts.body().path("errors").findValuesAsText("field"))
        .contains("mounts[0].mountPath", "mounts[1].mountPath", "mounts[2].mountPath");
    assertThat(strings.status()).isEqualTo(400);
    assertThat(strings.body().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("env.CRATER_JOB_ID", "env.MODE", "name", "workingDir");
    assertThat(replicas.status()).isEqualTo(400);
    assertThat(replicas.body().path("errors").findValuesAsText("field"))
        .containsExactly("replicas");
    assertThat(alice.get("api/v1/jobs").body().path("total").asLong())
        .as("nothing queued")
        .isZero();
  }

  @Test
  void oneUserQueuesAtMostTheCapWhileOthersAreServed() throws Exception {
    String closed = expiredAccountOf(alice, 1); // nothing there is ever admitted: all stay queued
    Map<String, Object> small =
        withAccount(job("BEST_EFFORT", Map.of("cpu", "1", "memory", "1Gi")), closed);
    Api bob = Api.at(base).signUpAndLogIn("bob", PASSWORD);
    List<Long> queued = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(4); // the concurrent submissions cap
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 500; i++) { // crater.jobs.max-queued-per-user
        answers.add(clients.submit(() -> submitted(alice.post("api/v1/jobs", small), queued)));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(201);
      }

      Reply over = alice.post("api/v1/jobs", small);
      List<Reply> burst = Api.inParallel(8, () -> alice.post("api/v1/jobs", small));
      Reply others = bob.post("api/v1/jobs", oneGpu());
      Reply list = bob.get("api/v1/jobs");
      alice.delete("api/v1/jobs/" + queued.remove(0));
      Reply afterOneLeft = alice.post("api/v1/jobs", small);
      submitted(afterOneLeft, queued);

      assertThat(over.status()).as(over.raw()).isEqualTo(429);
      assertThat(over.code()).isEqualTo("too-many-queued");
      assertThat(over.header("Retry-After")).isEqualTo("30");
      assertThat(over.body().path("detail").asText()).contains("500 jobs queued");
      assertThat(burst).extracting(Reply::status).containsOnly(429);
      assertThat(burst)
          .extracting(Reply::code)
          .isSubsetOf("too-many-queued", "too-many-submissions");
      assertThat(others.status()).isEqualTo(201);
      assertThat(list.status()).isEqualTo(200);
      assertThat(afterOneLeft.status()).isEqualTo(201);
      assertThat(alice.get("api/v1/jobs?phase=QUEUEING").body().path("total").asLong())
          .isEqualTo(500);
    } finally {
      List<Future<Reply>> cancels = new ArrayList<>();
      queued.forEach(id -> cancels.add(clients.submit(() -> alice.delete("api/v1/jobs/" + id))));
      for (Future<Reply> cancel : cancels) {
        cancel.get(60, TimeUnit.SECONDS);
      }
      clients.shutdown();
    }
  }

  private static int submitted(Reply reply, List<Long> ids) {
    if (reply.status() == 201) {
      ids.add(reply.body().path("id").asLong());
    }
    return reply.status();
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

  /** A fresh account that expired yesterday, with the user as a member of {@code gpus} GPUs. */
  private String expiredAccountOf(Api member, int gpus) {
    Lab closed = Lab.create(Api.at(base).asAdmin());
    closed.join(member, gpus);
    closed.expire();
    return closed.name();
  }

  private static Map<String, Object> withAccount(Map<String, Object> job, String account) {
    job.put("account", account);
    return job;
  }
}
