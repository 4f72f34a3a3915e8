package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.sim.TestPods.aPod;

import com.google.gson.Gson;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.kubernetes.client.util.PatchUtils;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.crater.sim.SimClients;
import org.crater.sim.SimCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Create, read, update, patch and delete over HTTP with client-java, no actors running. */
class CrudTest {
  private static SimCluster cluster;
  private static ApiClient client;
  private static CoreV1Api core;

  @BeforeAll
  static void start() {
    cluster = SimClients.apiServerOnly();
    client = SimClients.client(cluster);
    core = new CoreV1Api(client);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static int code(ThrowingCall call) {
    try {
      call.run();
      return 0;
    } catch (ApiException e) {
      return e.getCode();
    }
  }

  private interface ThrowingCall {
    void run() throws ApiException;
  }

  @Test
  void createFillsServerFieldsAndGetReturnsIt() throws ApiException {
    V1Pod pod = aPod("crud-1").build().kind(null).apiVersion(null);
    OffsetDateTime before = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    V1Pod created = core.createNamespacedPod("default", pod).execute();
    assertThat(created.getKind()).isEqualTo("Pod");
    assertThat(created.getMetadata().getUid())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(created.getMetadata().getResourceVersion()).matches("[1-9][0-9]*");
    assertThat(created.getMetadata().getCreationTimestamp())
        .isBetween(before, OffsetDateTime.now());
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(created.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(core.readNamespacedPod("crud-1", "default").execute().getMetadata().getUid())
        .isEqualTo(created.getMetadata().getUid());
  }

  @Test
  void generateNameMakesAUniqueName() throws ApiException {
    V1Pod pod = aPod(null).build();
    pod.getMetadata().generateName("gen-");
    String a = core.createNamespacedPod("default", pod).execute().getMetadata().getName();
    String b = core.createNamespacedPod("default", pod).execute().getMetadata().getName();
    assertThat(a).startsWith("gen-").hasSize(9).isNotEqualTo(b);
  }

  @Test
  void errorsAreStatusBodiesWithTheRealCodes() throws ApiException {
    core.createNamespacedPod("default", aPod("crud-dup").build()).execute();
    assertThat(code(() -> core.readNamespacedPod("missing", "default").execute())).isEqualTo(404);
    assertThat(code(() -> core.createNamespacedPod("default", aPod("crud-dup").build()).execute()))
        .isEqualTo(409);
    assertThat(code(() -> core.createNamespacedPod("nowhere", aPod("p").build()).execute()))
        .isEqualTo(404);
    try {
      core.readNamespacedPod("missing", "default").execute();
    } catch (ApiException e) {
      V1Status status = new Gson().fromJson(e.getResponseBody(), V1Status.class);
      assertThat(status.getReason()).isEqualTo("NotFound");
      assertThat(status.getCode()).isEqualTo(404);
    }
  }

  @Test
  void invalidObjectsGet422AndMalformedJson400() throws Exception {
    V1Pod noContainers = aPod("crud-bad").build();
    noContainers.getSpec().setContainers(java.util.List.of());
    assertThat(code(() -> core.createNamespacedPod("default", noContainers).execute()))
        .isEqualTo(422);
    assertThat(code(() -> core.createNamespacedPod("default", aPod("Bad_Name").build()).execute()))
        .isEqualTo(422);
    assertThat(RawHttp.post(cluster.url() + "/api/v1/namespaces/default/pods", "{not json").code())
        .isEqualTo(400);
    assertThat(
            RawHttp.post(
                    cluster.url() + "/api/v1/namespaces/default/pods",
                    "{\"metadata\":{\"name\":\"x\"},\"spec\":{\"containers\":[{\"name\":\"c\","
                        + "\"image\":\"i\",\"resources\":7}]}}")
                .code())
        .isEqualTo(422);
    assertThat(
            RawHttp.post(cluster.url() + "/api/v1/namespaces/default/pods", "{\"metadata\":5}")
                .code())
        .isEqualTo(422);
  }

  @Test
  void dryRunChecksAndAnswersButStoresNothing() throws ApiException {
    V1Pod wouldBe =
        core.createNamespacedPod("default", aPod("crud-dry").build()).dryRun("All").execute();
    assertThat(wouldBe.getMetadata().getName()).isEqualTo("crud-dry");
    assertThat(code(() -> core.readNamespacedPod("crud-dry", "default").execute())).isEqualTo(404);
    assertThat(
            code(
                () ->
                    core.createNamespacedPod("nowhere", aPod("x").build()).dryRun("All").execute()))
        .isEqualTo(404);
    core.createNamespacedPod("default", aPod("crud-dry").build()).execute();
    V1Pod patched =
        PatchUtils.patch(
            V1Pod.class,
            () ->
                core.patchNamespacedPod(
                        "crud-dry",
                        "default",
                        new V1Patch("{\"metadata\":{\"labels\":{\"d\":\"1\"}}}"))
                    .dryRun("All")
                    .buildCall(null),
            V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
            client);
    assertThat(patched.getMetadata().getLabels()).containsEntry("d", "1");
    core.deleteNamespacedPod("crud-dry", "default").dryRun("All").execute();
    assertThat(core.readNamespacedPod("crud-dry", "default").execute().getMetadata().getLabels())
        .doesNotContainKey("d");
  }

  @Test
  void staleResourceVersionConflicts() throws ApiException {
    V1Pod created = core.createNamespacedPod("default", aPod("crud-rv").build()).execute();
    created.getMetadata().putLabelsItem("a", "1");
    V1Pod updated = core.replaceNamespacedPod("crud-rv", "default", created).execute();
    assertThat(updated.getMetadata().getLabels()).containsEntry("a", "1");
    created.getMetadata().putLabelsItem("a", "2");
    assertThat(code(() -> core.replaceNamespacedPod("crud-rv", "default", created).execute()))
        .isEqualTo(409);
  }

  @Test
  void mainUpdateKeepsStatusAndStatusUpdateKeepsTheRest() throws ApiException {
    V1Pod pod = core.createNamespacedPod("default", aPod("crud-status").build()).execute();
    pod.status(new V1PodStatus().phase("Running"));
    pod.getMetadata().putLabelsItem("x", "y");
    V1Pod main = core.replaceNamespacedPod("crud-status", "default", pod).execute();
    assertThat(main.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(main.getMetadata().getLabels()).containsEntry("x", "y");

    main.getMetadata().putLabelsItem("x", "changed");
    main.getStatus().setPhase("Running");
    V1Pod status = core.replaceNamespacedPodStatus("crud-status", "default", main).execute();
    assertThat(status.getStatus().getPhase()).isEqualTo("Running");
    assertThat(status.getMetadata().getLabels()).containsEntry("x", "y");
  }

  @Test
  void mergeJsonAndStrategicPatches() throws ApiException {
    V1Pod original =
        core.createNamespacedPod("default", aPod("crud-patch").label("keep", "1").build())
            .execute();
    V1Pod merged =
        patch(
            "crud-patch",
            "{\"metadata\":{\"labels\":{\"m\":\"1\"}}}",
            V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
            false);
    assertThat(merged.getMetadata().getLabels()).containsEntry("m", "1").containsEntry("keep", "1");
    V1Pod json =
        patch(
            "crud-patch",
            "[{\"op\":\"remove\",\"path\":\"/metadata/labels/keep\"},"
                + "{\"op\":\"add\",\"path\":\"/metadata/labels/j\",\"value\":\"2\"}]",
            V1Patch.PATCH_FORMAT_JSON_PATCH,
            false);
    assertThat(json.getMetadata().getLabels()).containsOnlyKeys("m", "j");
    V1Pod strategic =
        patch(
            "crud-patch",
            "{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"nginx\"}]}}",
            V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
            false);
    assertThat(strategic.getSpec().getContainers()).hasSize(1);
    assertThat(strategic.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx");
    assertThat(strategic.getSpec().getContainers().get(0).getResources())
        .isEqualTo(original.getSpec().getContainers().get(0).getResources());
    assertThat(strategic.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void statusPatchesChangeOnlyStatus() throws ApiException {
    core.createNamespacedPod("default", aPod("crud-spatch").build()).execute();
    V1Pod status =
        patch(
            "crud-spatch",
            "{\"status\":{\"phase\":\"Running\"},\"metadata\":{\"labels\":{\"s\":\"1\"}}}",
            V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
            true);
    assertThat(status.getStatus().getPhase()).isEqualTo("Running");
    assertThat(status.getMetadata().getLabels()).doesNotContainKey("s");
    V1Pod mainStatus =
        patch(
            "crud-spatch",
            "{\"status\":{\"phase\":\"Failed\"}}",
            V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
            false);
    assertThat(mainStatus.getStatus().getPhase()).isEqualTo("Running");
  }

  private static V1Pod patch(String name, String body, String format, boolean status)
      throws ApiException {
    return PatchUtils.patch(
        V1Pod.class,
        () ->
            status
                ? core.patchNamespacedPodStatus(name, "default", new V1Patch(body)).buildCall(null)
                : core.patchNamespacedPod(name, "default", new V1Patch(body)).buildCall(null),
        format,
        client);
  }

  @Test
  void finalizersDelayDeletionUntilTheLastIsRemoved() throws ApiException {
    V1Pod pod = aPod("crud-fin").build();
    pod.getMetadata().addFinalizersItem("crater.io/test");
    core.createNamespacedPod("default", pod).execute();
    OffsetDateTime before = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    core.deleteNamespacedPod("crud-fin", "default").execute();
    V1Pod marked = core.readNamespacedPod("crud-fin", "default").execute();
    assertThat(marked.getMetadata().getDeletionTimestamp())
        .isBetween(before, OffsetDateTime.now().plusSeconds(30));
    patch(
        "crud-fin",
        "{\"metadata\":{\"finalizers\":null}}",
        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
        false);
    assertThat(code(() -> core.readNamespacedPod("crud-fin", "default").execute())).isEqualTo(404);
  }

  @Test
  void typedDeleteCallsParseWhatDeleteAnswers() throws ApiException {
    core.createNamespacedConfigMap(
            "default",
            new V1ConfigMap().metadata(new V1ObjectMeta().name("crud-cm")).data(Map.of("k", "v")))
        .execute();
    V1Status status = core.deleteNamespacedConfigMap("crud-cm", "default").execute();
    assertThat(status.getStatus()).isEqualTo("Success");
    assertThat(status.getDetails().getName()).isEqualTo("crud-cm");
    core.createNamespacedPod("default", aPod("crud-del").build()).execute();
    V1Pod deleted = core.deleteNamespacedPod("crud-del", "default").execute();
    assertThat(deleted.getMetadata().getName()).isEqualTo("crud-del");
    core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name("crud-del-ns")))
        .execute();
    assertThat(core.deleteNamespace("crud-del-ns").execute().getStatus()).isEqualTo("Success");
  }

  @Test
  void deletingAnOwnerDeletesItsDependents() throws ApiException {
    V1ConfigMap owner =
        core.createNamespacedConfigMap(
                "default", new V1ConfigMap().metadata(new V1ObjectMeta().name("crud-owner")))
            .execute();
    V1Pod child = aPod("crud-child").build();
    child
        .getMetadata()
        .addOwnerReferencesItem(
            new io.kubernetes.client.openapi.models.V1OwnerReference()
                .apiVersion("v1")
                .kind("ConfigMap")
                .name("crud-owner")
                .uid(owner.getMetadata().getUid()));
    core.createNamespacedPod("default", child).execute();
    core.deleteNamespacedConfigMap("crud-owner", "default").execute();
    assertThat(code(() -> core.readNamespacedPod("crud-child", "default").execute()))
        .isEqualTo(404);
  }

  @Test
  void deleteCollectionByLabelAndNamespaceDeletionEmptyTheNamespace() throws ApiException {
    core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name("crud-ns"))).execute();
    core.createNamespacedPod("crud-ns", aPod("a").label("grp", "x").build()).execute();
    core.createNamespacedPod("crud-ns", aPod("b").label("grp", "y").build()).execute();
    core.deleteCollectionNamespacedPod("crud-ns").labelSelector("grp=x").execute();
    assertThat(core.listNamespacedPod("crud-ns").execute().getItems())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("b");
    core.deleteNamespace("crud-ns").execute();
    assertThat(cluster.store().list(ResourceRegistry.PODS, "crud-ns")).isEmpty();
  }

  @Test
  void versionAndDiscoveryParseInClientJava() throws Exception {
    VersionInfo version = new VersionApi(client).getCode().execute();
    assertThat(version.getMajor()).isEqualTo("1");
    assertThat(version.getGitCommit()).isNotBlank();
    assertThat(core.getAPIResources().execute().getResources())
        .extracting(r -> r.getName())
        .contains("pods", "pods/status", "pods/binding", "pods/log", "nodes", "events");
    assertThat(
            new io.kubernetes.client.openapi.apis.ApisApi(client)
                .getAPIVersions()
                .execute()
                .getGroups())
        .extracting(g -> g.getName())
        .contains("batch.volcano.sh", "scheduling.volcano.sh", "coordination.k8s.io");
    assertThat(RawHttp.get(cluster.url() + "/api/v1/namespaces/default/pods/x/nope").code())
        .isEqualTo(404);
    assertThat(
            RawHttp.request("PUT", cluster.url() + "/api/v1/namespaces/default/pods", "{}").code())
        .isEqualTo(405);
  }
}
