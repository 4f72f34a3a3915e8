package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crater.sim.TestPods.aPod;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.Watch;
import java.util.ArrayList;
import java.util.List;
import org.crater.sim.SimClients;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Selectors, paging and watches, through client-java, with no actors running. */
class ListWatchTest {
  private static SimCluster cluster;
  private static ApiClient client;
  private static CoreV1Api core;

  @BeforeAll
  static void start() {
    cluster =
        SimCluster.start(
            SimConfig.builder()
                .nodes(1)
                .historySize(50)
                .bookmarkIntervalMs(100)
                .scheduler(false)
                .kubelet(false)
                .volcano(false)
                .build());
    client = SimClients.client(cluster);
    core = new CoreV1Api(client);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static void namespace(String ns) throws ApiException {
    core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(ns))).execute();
  }

  private static List<String> names(V1PodList list) {
    return list.getItems().stream().map(p -> p.getMetadata().getName()).sorted().toList();
  }

  @Test
  void labelSelectorsFilter() throws ApiException {
    namespace("sel");
    core.createNamespacedPod("sel", aPod("a").label("app", "a").label("tier", "gpu").build())
        .execute();
    core.createNamespacedPod("sel", aPod("b").label("app", "b").build()).execute();
    core.createNamespacedPod("sel", aPod("c").label("app", "c").build()).execute();
    core.createNamespacedPod("sel", aPod("d").build()).execute();
    assertThat(select("app in (a,b)")).containsExactly("a", "b");
    assertThat(select("app notin (a)")).containsExactly("b", "c", "d");
    assertThat(select("app=a")).containsExactly("a");
    assertThat(select("app==b")).containsExactly("b");
    assertThat(select("app!=a")).containsExactly("b", "c", "d");
    assertThat(select("tier")).containsExactly("a");
    assertThat(select("!app")).containsExactly("d");
    assertThat(select("app,app notin (c),!tier")).containsExactly("b");
    assertThatThrownBy(() -> select("app in a")).isInstanceOf(ApiException.class);
  }

  private static List<String> select(String selector) throws ApiException {
    return names(core.listNamespacedPod("sel").labelSelector(selector).execute());
  }

  @Test
  void fieldSelectorsFilterByNameNodeAndPhase() throws Exception {
    namespace("fld");
    core.createNamespacedPod("fld", aPod("x").build()).execute();
    core.createNamespacedPod("fld", aPod("y").build()).execute();
    PatchUtils.patch(
        V1Pod.class,
        () ->
            core.patchNamespacedPodStatus(
                    "y", "fld", new V1Patch("{\"status\":{\"phase\":\"Running\"}}"))
                .buildCall(null),
        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
        client);
    RawHttp.post(
        cluster.url() + "/api/v1/namespaces/fld/pods/x/binding",
        "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"x\"},"
            + "\"target\":{\"kind\":\"Node\",\"name\":\"a100-node-0\"}}");
    assertThat(fields("metadata.name=x")).containsExactly("x");
    assertThat(fields("status.phase=Running")).containsExactly("y");
    assertThat(fields("status.phase!=Running")).containsExactly("x");
    assertThat(fields("spec.nodeName=a100-node-0")).containsExactly("x");
    assertThat(fields("spec.nodeName=")).containsExactly("y");
    assertThat(
            names(core.listPodForAllNamespaces().fieldSelector("metadata.namespace=fld").execute()))
        .containsExactly("x", "y");
  }

  private static List<String> fields(String selector) throws ApiException {
    return names(core.listNamespacedPod("fld").fieldSelector(selector).execute());
  }

  @Test
  void limitAndContinuePageThroughEverything() throws ApiException {
    namespace("page");
    for (int i = 0; i < 7; i++) {
      core.createNamespacedPod("page", aPod("p" + i).build()).execute();
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      V1PodList page = core.listNamespacedPod("page").limit(3)._continue(token).execute();
      seen.addAll(names(page));
      token = page.getMetadata().getContinue();
      pages++;
    } while (token != null && !token.isEmpty());
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6");
  }

  @Test
  void watchStreamsChangesAndReplaysFromAResourceVersion() throws Exception {
    namespace("wat");
    String rv = core.listNamespacedPod("wat").execute().getMetadata().getResourceVersion();
    core.createNamespacedPod("wat", aPod("w1").label("app", "w").build()).execute();
    core.createNamespacedPod("wat", aPod("w2").build()).execute();
    core.deleteNamespacedPod("w1", "wat").execute();
    List<String> events = new ArrayList<>();
    try (Watch<V1Pod> watch = watch("wat", rv, "app=w", false, 5)) {
      for (Watch.Response<V1Pod> e : watch) {
        events.add(e.type + ":" + e.object.getMetadata().getName());
        if (events.size() == 2) {
          break;
        }
      }
    }
    assertThat(events).containsExactly("ADDED:w1", "DELETED:w1");
  }

  @Test
  void watchWithoutVersionStartsWithTheCurrentObjectsAndSeesNewOnes() throws Exception {
    namespace("live");
    core.createNamespacedPod("live", aPod("old").build()).execute();
    List<String> events = new ArrayList<>();
    try (Watch<V1Pod> watch = watch("live", null, null, false, 5)) {
      var it = watch.iterator();
      events.add(it.next().type);
      core.createNamespacedPod("live", aPod("new").build()).execute();
      Watch.Response<V1Pod> next = it.next();
      events.add(next.type + ":" + next.object.getMetadata().getName());
    }
    assertThat(events).containsExactly("ADDED", "ADDED:new");
  }

  @Test
  void tooOldResourceVersionGivesAn410ErrorEventAndA410List() throws Exception {
    namespace("gone");
    String rv =
        core.listNamespacedPod("gone").limit(1).execute().getMetadata().getResourceVersion();
    core.createNamespacedPod("gone", aPod("g0").build()).execute();
    core.createNamespacedPod("gone", aPod("g1").build()).execute();
    String token = core.listNamespacedPod("gone").limit(1).execute().getMetadata().getContinue();
    for (int i = 0; i < 60; i++) {
      core.createNamespacedPod("gone", aPod("filler-" + i).build()).execute();
    }
    try (Watch<V1Pod> watch = watch("gone", rv, null, false, 5)) {
      Watch.Response<V1Pod> e = watch.iterator().next();
      assertThat(e.type).isEqualTo("ERROR");
      assertThat(e.status.getCode()).isEqualTo(410);
      assertThat(e.status.getReason()).isEqualTo("Expired");
    }
    assertThatThrownBy(() -> core.listNamespacedPod("gone").limit(1)._continue(token).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(410));
  }

  @Test
  void bookmarksArriveWhenAskedForAndTimeoutEndsTheWatch() throws Exception {
    namespace("book");
    String rv = core.listNamespacedPod("book").execute().getMetadata().getResourceVersion();
    long start = System.nanoTime();
    List<String> types = new ArrayList<>();
    try (Watch<V1Pod> watch = watch("book", rv, null, true, 1)) {
      for (Watch.Response<V1Pod> e : watch) {
        types.add(e.type);
      }
    }
    assertThat(types).isNotEmpty().containsOnly("BOOKMARK");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
  }

  private static Watch<V1Pod> watch(
      String ns, String rv, String labels, boolean bookmarks, int timeoutSeconds)
      throws ApiException {
    return Watch.createWatch(
        client,
        core.listNamespacedPod(ns)
            .watch(true)
            .resourceVersion(rv)
            .labelSelector(labels)
            .allowWatchBookmarks(bookmarks)
            .timeoutSeconds(timeoutSeconds)
            .buildCall(null),
        new TypeToken<Watch.Response<V1Pod>>() {}.getType());
  }
}
