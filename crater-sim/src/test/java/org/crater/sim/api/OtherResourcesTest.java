package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.apis.EventsV1Api;
import io.kubernetes.client.openapi.apis.SchedulingV1Api;
import io.kubernetes.client.openapi.models.EventsV1Event;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1PriorityClass;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.crater.sim.SimClients;
import org.crater.sim.SimCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leases, services, PVCs, events, priority classes and cluster-scoped Volcano queues. */
class OtherResourcesTest {
  private static SimCluster cluster;
  private static ApiClient client;

  @BeforeAll
  static void start() {
    cluster = SimClients.apiServerOnly();
    client = SimClients.client(cluster);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void leaseUpdatesConflictOnStaleVersions() throws ApiException {
    CoordinationV1Api leases = new CoordinationV1Api(client);
    V1Lease lease =
        leases
            .createNamespacedLease(
                "default",
                new V1Lease()
                    .metadata(new V1ObjectMeta().name("crater-leader"))
                    .spec(new V1LeaseSpec().holderIdentity("a").leaseDurationSeconds(15)))
            .execute();
    V1Lease stale = leases.readNamespacedLease("crater-leader", "default").execute();
    lease.getSpec().holderIdentity("b").renewTime(OffsetDateTime.now());
    assertThat(
            leases
                .replaceNamespacedLease("crater-leader", "default", lease)
                .execute()
                .getSpec()
                .getHolderIdentity())
        .isEqualTo("b");
    stale.getSpec().holderIdentity("c");
    assertThatThrownBy(
            () -> leases.replaceNamespacedLease("crater-leader", "default", stale).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void servicesAndClaimsRoundTrip() throws ApiException {
    CoreV1Api core = new CoreV1Api(client);
    core.createNamespacedService(
            "default",
            new V1Service()
                .metadata(new V1ObjectMeta().name("jupyter"))
                .spec(
                    new V1ServiceSpec()
                        .selector(Map.of("app", "jupyter"))
                        .addPortsItem(new V1ServicePort().port(8888))))
        .execute();
    core.createNamespacedPersistentVolumeClaim(
            "default",
            new V1PersistentVolumeClaim()
                .metadata(new V1ObjectMeta().name("home"))
                .spec(
                    new V1PersistentVolumeClaimSpec()
                        .accessModes(List.of("ReadWriteMany"))
                        .resources(
                            new V1VolumeResourceRequirements()
                                .requests(Map.of("storage", new Quantity("10Gi"))))))
        .execute();
    assertThat(core.readNamespacedService("jupyter", "default").execute().getSpec().getPorts())
        .hasSize(1);
    assertThat(core.listNamespacedPersistentVolumeClaim("default").execute().getItems())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("home");
  }

  @Test
  void eventsInBothApiGroups() throws ApiException {
    new EventsV1Api(client)
        .createNamespacedEvent(
            "default",
            new EventsV1Event()
                .metadata(new V1ObjectMeta().name("e1"))
                .eventTime(OffsetDateTime.now())
                .reason("Test")
                .regarding(new V1ObjectReference().kind("Pod").name("p"))
                .reportingController("crater")
                .reportingInstance("crater-0")
                .action("Testing"))
        .execute();
    assertThat(new EventsV1Api(client).listNamespacedEvent("default").execute().getItems())
        .extracting(EventsV1Event::getReason)
        .containsExactly("Test");
  }

  @Test
  void priorityClassesAndClusterScopedQueues() throws ApiException {
    new SchedulingV1Api(client)
        .createPriorityClass(
            new V1PriorityClass()
                .metadata(new V1ObjectMeta().name("crater-guaranteed"))
                .value(1000))
        .execute();
    assertThat(
            new SchedulingV1Api(client).readPriorityClass("crater-guaranteed").execute().getValue())
        .isEqualTo(1000);
    CustomObjectsApi custom = new CustomObjectsApi(client);
    Map<String, Object> queue =
        Map.of(
            "apiVersion",
            "scheduling.volcano.sh/v1beta1",
            "kind",
            "Queue",
            "metadata",
            Map.of("name", "team-a"),
            "spec",
            Map.of("weight", 1));
    custom.createClusterCustomObject("scheduling.volcano.sh", "v1beta1", "queues", queue).execute();
    Object read =
        custom
            .getClusterCustomObject("scheduling.volcano.sh", "v1beta1", "queues", "team-a")
            .execute();
    assertThat(read.toString()).contains("team-a");
    assertThat(cluster.store().find(ResourceRegistry.QUEUES, null, "team-a")).isPresent();
  }
}
