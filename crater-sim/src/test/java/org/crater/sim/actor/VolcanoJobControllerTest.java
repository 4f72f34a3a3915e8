package org.crater.sim.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.List;
import org.crater.sim.SimClients;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.api.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Volcano job controller: pods and PodGroup per job, status roll-up, cascade, abort. */
class VolcanoJobControllerTest {
  private static SimCluster cluster;
  private static ApiClient client;
  private static CoreV1Api core;
  private static DynamicKubernetesApi jobs;
  private static DynamicKubernetesApi podGroups;

  @BeforeAll
  static void start() {
    cluster = SimCluster.start(SimConfig.builder().nodes(2).gpusPerNode(8).runMs(400).build());
    client = SimClients.client(cluster);
    core = new CoreV1Api(client);
    jobs = new DynamicKubernetesApi("batch.volcano.sh", "v1alpha1", "jobs", client);
    podGroups = new DynamicKubernetesApi("scheduling.volcano.sh", "v1beta1", "podgroups", client);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @BeforeEach
  void reset() {
    cluster.reset();
  }

  private static void submit(String name, int workers, int gpus, String extraAnnotations) {
    String json =
        "{\"apiVersion\":\"batch.volcano.sh/v1alpha1\",\"kind\":\"Job\",\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\"default\",\"labels\":{\"crater.io/job-id\":\"42\"},"
            + "\"annotations\":{"
            + extraAnnotations
            + "}},\"spec\":{\"schedulerName\":\"volcano\",\"queue\":\"team-a\",\"tasks\":["
            + "{\"name\":\"master\",\"replicas\":1,\"template\":{\"spec\":{\"restartPolicy\":\"Never\","
            + "\"containers\":[{\"name\":\"main\",\"image\":\"pytorch\"}]}}},"
            + "{\"name\":\"worker\",\"replicas\":"
            + workers
            + ",\"template\":{\"metadata\":{\"labels\":{\"role\":\"worker\"}},"
            + "\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"main\","
            + "\"image\":\"pytorch\",\"resources\":{\"limits\":{\"nvidia.com/gpu\":\""
            + gpus
            + "\"}}}]}}}]}}";
    assertThat(jobs.create(new DynamicKubernetesObject(Json.parse(json))).isSuccess()).isTrue();
  }

  private static JsonObject status(String name) {
    DynamicKubernetesObject job = jobs.get("default", name).getObject();
    return job == null ? new JsonObject() : job.getRaw().getAsJsonObject("status");
  }

  private static String phase(String name) {
    JsonObject status = status(name);
    return status == null ? null : Json.str(status, "state.phase");
  }

  @Test
  void jobGetsPodsAndPodGroupAndCompletes() throws ApiException {
    submit("train", 2, 4, "\"sim.crater.io/run-ms\":\"1500\"");
    await().atMost(Duration.ofSeconds(30)).until(() -> "Running".equals(phase("train")));
    List<V1Pod> pods =
        core.listNamespacedPod("default")
            .labelSelector("volcano.sh/job-name=train")
            .execute()
            .getItems();
    assertThat(pods)
        .extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder("train-master-0", "train-worker-0", "train-worker-1");
    V1Pod worker =
        pods.stream()
            .filter(p -> p.getMetadata().getName().equals("train-worker-0"))
            .findFirst()
            .orElseThrow();
    assertThat(worker.getMetadata().getAnnotations())
        .containsEntry("scheduling.k8s.io/group-name", "train");
    assertThat(worker.getMetadata().getLabels())
        .containsEntry("crater.io/job-id", "42")
        .containsEntry("role", "worker");
    assertThat(worker.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("Job");
    assertThat(worker.getSpec().getSchedulerName()).isEqualTo("volcano");
    JsonObject group = podGroups.get("default", "train").getObject().getRaw();
    assertThat(Json.num(group, "spec.minMember", 0)).isEqualTo(3);
    assertThat(Json.str(group, "spec.queue")).isEqualTo("team-a");

    await().atMost(Duration.ofSeconds(30)).until(() -> "Completed".equals(phase("train")));
    JsonObject status = status("train");
    assertThat(Json.num(status, "succeeded", -1)).isEqualTo(3);
    assertThat(Json.num(status, "running", -1)).isZero();
    assertThat(Json.num(status, "minAvailable", -1)).isEqualTo(3);
  }

  @Test
  void queuesAreOpenedAndTheDefaultQueueExists() {
    DynamicKubernetesApi queues =
        new DynamicKubernetesApi("scheduling.volcano.sh", "v1beta1", "queues", client);
    assertThat(Json.str(queues.get("default").getObject().getRaw(), "status.state"))
        .isEqualTo("Open");
    JsonObject team =
        Json.parse(
            "{\"apiVersion\":\"scheduling.volcano.sh/v1beta1\","
                + "\"kind\":\"Queue\",\"metadata\":{\"name\":\"team-a\"},\"spec\":{\"weight\":2}}");
    assertThat(queues.create(new DynamicKubernetesObject(team)).isSuccess()).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "Open".equals(Json.str(queues.get("team-a").getObject().getRaw(), "status.state")));
  }

  @Test
  void failingPodFailsTheJob() {
    submit("crash", 1, 1, "\"sim.crater.io/exit-code\":\"1\"");
    await().atMost(Duration.ofSeconds(30)).until(() -> "Failed".equals(phase("crash")));
    // The phase turns Failed at the first failure; the counts keep rolling up after that.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Json.num(status("crash"), "failed", -1) == 2);
    assertThat(phase("crash")).isEqualTo("Failed");
  }

  @Test
  void jobThatCannotGangScheduleStaysPendingWithNoPodBound() throws ApiException {
    submit("huge", 3, 8, "");
    await().atMost(Duration.ofSeconds(30)).until(() -> "Pending".equals(phase("huge")));
    submit("probe", 1, 1, "");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "Running".equals(phase("probe")) || "Completed".equals(phase("probe")));
    assertThat(Json.num(status("huge"), "pending", -1)).isEqualTo(4);
    assertThat(
            core.listNamespacedPod("default")
                .labelSelector("volcano.sh/job-name=huge")
                .execute()
                .getItems())
        .allSatisfy(p -> assertThat(p.getSpec().getNodeName()).isNull());
  }

  @Test
  void deletingTheJobDeletesItsPodsAndPodGroup() throws ApiException {
    submit("gone", 2, 1, "\"sim.crater.io/run-ms\":\"-1\"");
    await().atMost(Duration.ofSeconds(30)).until(() -> "Running".equals(phase("gone")));
    assertThat(jobs.delete("default", "gone").isSuccess()).isTrue();
    assertThat(core.listNamespacedPod("default").execute().getItems()).isEmpty();
    assertThat(podGroups.list("default").getObject().getItems()).isEmpty();
  }

  @Test
  void evictedPodAbortsTheJob() throws ApiException {
    submit("evicted", 1, 1, "\"sim.crater.io/run-ms\":\"-1\"");
    await().atMost(Duration.ofSeconds(30)).until(() -> "Running".equals(phase("evicted")));
    core.deleteNamespacedPod("evicted-worker-0", "default").execute();
    await().atMost(Duration.ofSeconds(30)).until(() -> "Aborted".equals(phase("evicted")));
    assertThat(Json.str(status("evicted"), "state.reason")).isEqualTo("PodEvicted");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> core.listNamespacedPod("default").execute().getItems().isEmpty());
  }
}
