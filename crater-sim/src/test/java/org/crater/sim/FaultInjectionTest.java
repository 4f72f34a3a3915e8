package org.crater.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.crater.sim.TestPods.aPod;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected API failures, dropped watches, and server-side apply creating a missing object. */
class FaultInjectionTest {
  private SimCluster cluster;
  private ApiClient client;
  private CoreV1Api core;

  @BeforeEach
  void start() {
    cluster = SimClients.apiServerOnly();
    client = SimClients.client(cluster);
    core = new CoreV1Api(client);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void injectedFailuresAnswerWithTheCodeThenStop() throws ApiException {
    cluster.failNextRequests(2, 503);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> core.listNamespacedPod("default").execute())
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(503));
    }
    assertThat(core.listNamespacedPod("default").execute().getItems()).isEmpty();
  }

  @Test
  void lostCreateAnswersMakeTheObjectButAnswerAlreadyExists() throws ApiException {
    cluster.loseNextCreateAnswers(1);

    assertThatThrownBy(() -> core.createNamespacedPod("default", aPod("made").build()).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409))
        .hasMessageContaining("AlreadyExists");
    V1Pod second = core.createNamespacedPod("default", aPod("next").build()).execute();

    assertThat(core.readNamespacedPod("made", "default").execute().getMetadata().getName())
        .isEqualTo("made");
    assertThat(second.getMetadata().getName()).isEqualTo("next");
  }

  @Test
  void droppedWatchEndsTheStreamAndInformersCarryOn() throws Exception {
    SharedInformerFactory factory = new SharedInformerFactory(client);
    SharedIndexInformer<V1Pod> informer =
        factory.sharedIndexInformerFor(
            new GenericKubernetesApi<>(V1Pod.class, V1PodList.class, "", "v1", "pods", client),
            V1Pod.class,
            0);
    factory.startAllRegisteredInformers();
    try {
      await().atMost(Duration.ofSeconds(30)).until(informer::hasSynced);
      List<String> events = new ArrayList<>();
      try (Watch<V1Pod> watch =
          Watch.createWatch(
              client,
              core.listNamespacedPod("default").watch(true).timeoutSeconds(30).buildCall(null),
              new TypeToken<Watch.Response<V1Pod>>() {}.getType())) {
        core.createNamespacedPod("default", aPod("before-drop").build()).execute();
        events.add(watch.next().type);
        cluster.dropWatches();
        assertThat(watch.hasNext()).isFalse();
      }
      assertThat(events).containsExactly("ADDED");
      core.createNamespacedPod("default", aPod("after-drop").build()).execute();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> informer.getIndexer().getByKey("default/after-drop") != null);
    } finally {
      factory.stopAllRegisteredInformers();
    }
  }

  @Test
  void serverSideApplyCreatesAMissingObject() throws ApiException {
    V1ConfigMap applied =
        PatchUtils.patch(
            V1ConfigMap.class,
            () ->
                core.patchNamespacedConfigMap(
                        "applied",
                        "default",
                        new V1Patch(
                            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                                + "\"metadata\":{\"name\":\"applied\"},\"data\":{\"k\":\"v\"}}"))
                    .fieldManager("crater")
                    .force(true)
                    .buildCall(null),
            V1Patch.PATCH_FORMAT_APPLY_YAML,
            client);
    assertThat(applied.getData()).containsEntry("k", "v");
    assertThat(core.readNamespacedConfigMap("applied", "default").execute().getData())
        .containsEntry("k", "v");
  }
}
