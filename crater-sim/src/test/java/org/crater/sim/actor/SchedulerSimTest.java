package org.crater.sim.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crater.sim.TestPods.aPod;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.SchedulingV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PriorityClass;
import io.kubernetes.client.util.Watch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crater.sim.SimClients;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.api.Json;
import org.crater.sim.api.ResourceRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduler: fit per GPU model and selector, gangs, and priority preemption. */
class SchedulerSimTest {
  private static SimCluster cluster;
  private static ApiClient client;
  private static CoreV1Api core;

  @BeforeAll
  static void start() {
    cluster =
        SimCluster.start(
            SimConfig.builder()
                .nodePool(new NodePool(1, "A100", 8, "64", "512Gi"))
                .nodePool(new NodePool(1, "V100", 4, "32", "256Gi"))
                .runMs(-1)
                .build());
    client = SimClients.client(cluster);
    core = new CoreV1Api(client);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @BeforeEach
  void reset() {
    cluster.reset();
  }

  private static String nodeOf(String pod) throws ApiException {
    return core.readNamespacedPod(pod, "default").execute().getSpec().getNodeName();
  }

  private static void awaitBound(String pod) {
    await().atMost(Duration.ofSeconds(30)).until(() -> nodeOf(pod) != null);
  }

  /** Waits until the scheduler has made a pass after the given pods were created. */
  private static void awaitSettled(String probe) throws ApiException {
    core.createNamespacedPod("default", aPod(probe).resource("cpu", "1m").build()).execute();
    awaitBound(probe);
  }

  @Test
  void podsLandOnlyOnNodesOfTheirGpuModel() throws ApiException {
    core.createNamespacedPod("default", aPod("v").resource("nvidia.com/v100", "2").build())
        .execute();
    core.createNamespacedPod("default", aPod("a").resource("nvidia.com/a100", "8").build())
        .execute();
    core.createNamespacedPod("default", aPod("h").resource("nvidia.com/h100", "1").build())
        .execute();
    core.createNamespacedPod(
            "default", aPod("sel").gpus(2).nodeSelector("nvidia.com/gpu.product", "V100").build())
        .execute();
    awaitBound("v");
    awaitBound("a");
    awaitBound("sel");
    awaitSettled("probe");
    assertThat(nodeOf("v")).isEqualTo("v100-node-0");
    assertThat(nodeOf("a")).isEqualTo("a100-node-0");
    assertThat(nodeOf("sel")).isEqualTo("v100-node-0");
    assertThat(nodeOf("h")).isNull();
  }

  @Test
  void podsThatFitNowhereSayWhyAndBoundPodsAreScheduled() throws ApiException {
    core.createNamespacedPod("default", aPod("h").resource("nvidia.com/h100", "1").build())
        .execute();
    core.createNamespacedPod("default", aPod("ok").gpus(1).build()).execute();
    awaitBound("ok");
    await().atMost(Duration.ofSeconds(30)).until(() -> scheduled("h") != null);
    V1PodCondition unschedulable = scheduled("h");
    assertThat(unschedulable.getStatus()).isEqualTo("False");
    assertThat(unschedulable.getReason()).isEqualTo("Unschedulable");
    assertThat(unschedulable.getMessage())
        .isEqualTo("0/2 nodes are available: Insufficient nvidia.com/h100.");
    assertThat(scheduled("ok").getStatus()).isEqualTo("True");
  }

  private static V1PodCondition scheduled(String pod) throws ApiException {
    V1Pod p = core.readNamespacedPod(pod, "default").execute();
    if (p.getStatus() == null || p.getStatus().getConditions() == null) {
      return null;
    }
    return p.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals("PodScheduled"))
        .findFirst()
        .orElse(null);
  }

  @Test
  void nodesAddedLaterTakeWaitingPods() throws ApiException {
    core.createNamespacedPod("default", aPod("wants-h100").resource("nvidia.com/h100", "4").build())
        .execute();
    awaitSettled("probe");
    assertThat(nodeOf("wants-h100")).isNull();
    assertThat(cluster.addNodes(new NodePool(2, "H100", 8, "64", "1Ti")))
        .containsExactly("h100-node-0", "h100-node-1");
    awaitBound("wants-h100");
    assertThat(nodeOf("wants-h100")).startsWith("h100-node-");
  }

  @Test
  void podsThatDoNotFitStayPendingUntilRoomIsFreed() throws ApiException {
    core.createNamespacedPod("default", aPod("big-1").gpus(8).build()).execute();
    awaitBound("big-1");
    core.createNamespacedPod("default", aPod("big-2").gpus(8).build()).execute();
    awaitSettled("probe");
    assertThat(nodeOf("big-2")).isNull();
    core.deleteNamespacedPod("big-1", "default").execute();
    awaitBound("big-2");
    assertThat(nodeOf("big-2")).isEqualTo("a100-node-0");
  }

  @Test
  void gangsBindAllOrNothing() throws ApiException {
    cluster.store().create(ResourceRegistry.POD_GROUPS, "default", podGroup("too-big", 3));
    cluster.store().create(ResourceRegistry.POD_GROUPS, "default", podGroup("fits", 2));
    for (int i = 0; i < 3; i++) {
      core.createNamespacedPod("default", aPod("too-big-" + i).gpus(8).gang("too-big").build())
          .execute();
    }
    core.createNamespacedPod("default", aPod("fits-0").gpus(4).gang("fits").build()).execute();
    core.createNamespacedPod("default", aPod("fits-1").gpus(4).gang("fits").build()).execute();
    awaitBound("fits-0");
    awaitBound("fits-1");
    awaitSettled("probe");
    for (int i = 0; i < 3; i++) {
      assertThat(nodeOf("too-big-" + i)).isNull();
    }
  }

  private static com.google.gson.JsonObject podGroup(String name, int minMember) {
    return Json.parse(
        "{\"metadata\":{\"name\":\""
            + name
            + "\"},\"spec\":{\"minMember\":"
            + minMember
            + ",\"queue\":\"default\"}}");
  }

  @Test
  void higherPriorityPodPreemptsLowerPriorityOne() throws Exception {
    new SchedulingV1Api(client)
        .createPriorityClass(
            new V1PriorityClass().metadata(new V1ObjectMeta().name("high")).value(1000))
        .execute();
    core.createNamespacedPod("default", aPod("low").gpus(8).priority(10).build()).execute();
    awaitBound("low");
    List<Watch.Response<V1Pod>> seen = new CopyOnWriteArrayList<>();
    String rv = core.listNamespacedPod("default").execute().getMetadata().getResourceVersion();
    Thread watcher = new Thread(() -> collect(rv, seen));
    watcher.start();
    core.createNamespacedPod("default", aPod("high").gpus(8).priorityClassName("high").build())
        .execute();
    awaitBound("high");
    assertThat(nodeOf("high")).isEqualTo("a100-node-0");
    assertThat(
            core.listNamespacedPod("default")
                .fieldSelector("metadata.name=low")
                .execute()
                .getItems())
        .isEmpty();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> seen.stream().anyMatch(e -> e.type.equals("DELETED")));
    V1PodCondition disruption =
        seen.stream()
            .filter(e -> e.type.equals("MODIFIED"))
            .flatMap(e -> e.object.getStatus().getConditions().stream())
            .filter(c -> c.getType().equals("DisruptionTarget"))
            .findFirst()
            .orElseThrow();
    assertThat(disruption.getReason()).isEqualTo("PreemptionByScheduler");
    List<CoreV1Event> events =
        core.listNamespacedEvent("default")
            .fieldSelector("involvedObject.name=low")
            .execute()
            .getItems();
    assertThat(events).extracting(CoreV1Event::getReason).containsExactly("Preempted");
    assertThat(
            new io.kubernetes.client.openapi.apis.EventsV1Api(client)
                .listNamespacedEvent("default")
                .execute()
                .getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getReason()).isEqualTo("Preempted");
              assertThat(e.getRegarding().getName()).isEqualTo("low");
              assertThat(e.getEventTime()).isNotNull();
            });
    watcher.interrupt();
  }

  private static void collect(String rv, List<Watch.Response<V1Pod>> seen) {
    try (Watch<V1Pod> watch =
        Watch.createWatch(
            client,
            core.listNamespacedPod("default")
                .watch(true)
                .resourceVersion(rv)
                .fieldSelector("metadata.name=low")
                .timeoutSeconds(10)
                .buildCall(null),
            new TypeToken<Watch.Response<V1Pod>>() {}.getType())) {
      for (Watch.Response<V1Pod> e : watch) {
        seen.add(e);
      }
    } catch (Exception e) {
      // The test ends the watch.
    }
  }

  @Test
  void highPriorityGangPreemptsOnlyWhenTheWholeGangThenFits() throws ApiException {
    core.createNamespacedPod("default", aPod("low-a").gpus(8).priority(1).build()).execute();
    core.createNamespacedPod("default", aPod("low-v").gpus(4).priority(1).build()).execute();
    awaitBound("low-a");
    awaitBound("low-v");
    String lowA = nodeOf("low-a");
    String lowV = nodeOf("low-v");
    cluster.store().create(ResourceRegistry.POD_GROUPS, "default", podGroup("never", 3));
    for (int i = 0; i < 3; i++) {
      core.createNamespacedPod(
              "default", aPod("never-" + i).gpus(8).priority(100).gang("never").build())
          .execute();
    }
    awaitSettled("probe");
    assertThat(nodeOf("low-a")).isEqualTo(lowA);
    assertThat(nodeOf("low-v")).isEqualTo(lowV);
    for (int i = 0; i < 3; i++) {
      core.deleteNamespacedPod("never-" + i, "default").execute();
    }

    cluster.store().create(ResourceRegistry.POD_GROUPS, "default", podGroup("urgent", 2));
    core.createNamespacedPod(
            "default", aPod("urgent-0").gpus(8).priority(100).gang("urgent").build())
        .execute();
    core.createNamespacedPod(
            "default", aPod("urgent-1").gpus(4).priority(100).gang("urgent").build())
        .execute();
    awaitBound("urgent-0");
    awaitBound("urgent-1");
    assertThat(core.listNamespacedPod("default").labelSelector("!nothing").execute().getItems())
        .extracting(p -> p.getMetadata().getName())
        .doesNotContain("low-a", "low-v");
    assertThat(
            core.listNamespacedEvent("default")
                .fieldSelector("reason=Preempted")
                .execute()
                .getItems())
        .extracting(e -> e.getInvolvedObject().getName())
        .containsExactlyInAnyOrder("low-a", "low-v");
  }

  @Test
  void equalPriorityDoesNotPreempt() throws ApiException {
    core.createNamespacedPod("default", aPod("first").gpus(8).priority(5).build()).execute();
    awaitBound("first");
    core.createNamespacedPod("default", aPod("second").gpus(8).priority(5).build()).execute();
    awaitSettled("probe");
    assertThat(nodeOf("second")).isNull();
    assertThat(nodeOf("first")).isEqualTo("a100-node-0");
  }
}
