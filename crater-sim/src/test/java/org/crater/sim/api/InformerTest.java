package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crater.sim.TestPods.aPod;

import com.google.gson.JsonObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crater.sim.SimClients;
import org.crater.sim.SimCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SharedInformerFactory informers on pods and on Volcano jobs see adds, updates and deletes. */
class InformerTest {
  private SimCluster cluster;
  private ApiClient client;
  private SharedInformerFactory factory;

  @BeforeEach
  void start() {
    cluster = SimClients.apiServerOnly();
    client = SimClients.client(cluster);
    factory = new SharedInformerFactory(client);
  }

  @AfterEach
  void stop() {
    factory.stopAllRegisteredInformers();
    cluster.close();
  }

  /** Records every callback as {@code TYPE:name}. */
  private static final class Recorder<T extends io.kubernetes.client.common.KubernetesObject>
      implements ResourceEventHandler<T> {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void onAdd(T obj) {
      seen.add("ADD:" + obj.getMetadata().getName());
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
      seen.add("UPDATE:" + newObj.getMetadata().getName());
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) {
      seen.add("DELETE:" + obj.getMetadata().getName());
    }
  }

  @Test
  void podInformerSeesAddUpdateDelete() throws Exception {
    SharedIndexInformer<V1Pod> informer =
        factory.sharedIndexInformerFor(
            new GenericKubernetesApi<>(V1Pod.class, V1PodList.class, "", "v1", "pods", client),
            V1Pod.class,
            0);
    Recorder<V1Pod> recorder = new Recorder<>();
    informer.addEventHandler(recorder);
    factory.startAllRegisteredInformers();
    await().atMost(Duration.ofSeconds(30)).until(informer::hasSynced);

    CoreV1Api core = new CoreV1Api(client);
    core.createNamespacedPod("default", aPod("inf-1").build()).execute();
    await().atMost(Duration.ofSeconds(30)).until(() -> recorder.seen.contains("ADD:inf-1"));
    V1Pod pod = core.readNamespacedPod("inf-1", "default").execute();
    pod.getMetadata().putLabelsItem("changed", "yes");
    core.replaceNamespacedPod("inf-1", "default", pod).execute();
    core.deleteNamespacedPod("inf-1", "default").execute();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(recorder.seen)
                    .containsExactly("ADD:inf-1", "UPDATE:inf-1", "DELETE:inf-1"));
    assertThat(informer.getIndexer().list()).isEmpty();
  }

  @Test
  void volcanoJobInformerThroughDynamicApi() throws Exception {
    DynamicKubernetesApi jobs =
        new DynamicKubernetesApi("batch.volcano.sh", "v1alpha1", "jobs", client);
    SharedIndexInformer<DynamicKubernetesObject> informer =
        factory.sharedIndexInformerFor(jobs, DynamicKubernetesObject.class, 0);
    Recorder<DynamicKubernetesObject> recorder = new Recorder<>();
    informer.addEventHandler(recorder);
    factory.startAllRegisteredInformers();
    await().atMost(Duration.ofSeconds(30)).until(informer::hasSynced);

    JsonObject raw =
        Json.parse(
            "{\"apiVersion\":\"batch.volcano.sh/v1alpha1\",\"kind\":\"Job\","
                + "\"metadata\":{\"name\":\"vj-1\",\"namespace\":\"default\"},"
                + "\"spec\":{\"minAvailable\":1,\"tasks\":[]}}");
    assertThat(jobs.create(new DynamicKubernetesObject(raw)).isSuccess()).isTrue();
    await().atMost(Duration.ofSeconds(30)).until(() -> recorder.seen.contains("ADD:vj-1"));
    DynamicKubernetesObject current = jobs.get("default", "vj-1").getObject();
    current.getRaw().getAsJsonObject("spec").addProperty("queue", "team-a");
    assertThat(jobs.update(current).isSuccess()).isTrue();
    assertThat(jobs.delete("default", "vj-1").isSuccess()).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(recorder.seen)
                    .containsExactly("ADD:vj-1", "UPDATE:vj-1", "DELETE:vj-1"));
  }

  @Test
  void informerRelistsAfterReset() throws Exception {
    SharedIndexInformer<V1Pod> informer =
        factory.sharedIndexInformerFor(
            new GenericKubernetesApi<>(V1Pod.class, V1PodList.class, "", "v1", "pods", client),
            V1Pod.class,
            0);
    factory.startAllRegisteredInformers();
    await().atMost(Duration.ofSeconds(30)).until(informer::hasSynced);
    new CoreV1Api(client).createNamespacedPod("default", aPod("before").build()).execute();
    await().atMost(Duration.ofSeconds(30)).until(() -> informer.getIndexer().list().size() == 1);
    cluster.reset();
    new CoreV1Api(client).createNamespacedPod("default", aPod("after").build()).execute();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(informer.getIndexer().list())
                    .extracting(p -> p.getMetadata().getName())
                    .containsExactly("after"));
  }
}
