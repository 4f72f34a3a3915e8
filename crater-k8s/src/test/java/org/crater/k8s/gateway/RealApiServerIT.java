package org.crater.k8s.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.crater.k8s.common.KubeConnection;
import org.crater.k8s.common.Threads;
import org.crater.k8s.informer.ClusterCache;
import org.crater.k8s.informer.ClusterCacheConfig;
import org.crater.k8s.lease.LeaderElector;
import org.crater.k8s.support.Candidates;
import org.crater.k8s.support.Specs;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The adapter's contract on a real kube-apiserver (the test bed of bin/kube-up, profile {@code
 * real-cluster}), as Crater's own ServiceAccount: the informers sync, apply is idempotent (a second
 * create answers 409 and counts as done), the caches follow a pod scheduled by kube-scheduler and
 * run by kwok to Running and its graceful deletion to gone, a write with a stale resourceVersion is
 * refused with 409, and of two candidates on the one Lease Crater may use exactly one leads and the
 * other takes over on release. Not here: a forced 410 Gone relist (the API server's watch cache
 * cannot be made to expire a resourceVersion on demand); that runs on crater-sim ({@code
 * ClusterCacheIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "crater.it.real", matches = "true")
class RealApiServerIT {

  private static final String NAMESPACE = "crater-jobs";
  private static final String LEASE_NAMESPACE = "crater";
  private static final String LEASE = "crater-leader";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private ApiClient client;
  private ClusterCache cache;
  private ClusterGateway gateway;
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(2, Threads.daemon("real-elector"));

  @BeforeAll
  void connect() throws InterruptedException {
    Path kubeconfig =
        Path.of(System.getProperty("crater.it.root"), "run/kube/crater-kubeconfig.yaml");
    if (!Files.isRegularFile(kubeconfig)) {
      throw new IllegalStateException("the test bed is not up: run bin/kube-up first");
    }
    KubeConnection connection = KubeConnection.fromKubeconfig(kubeconfig);
    client = connection.requests();
    cache =
        new ClusterCache(
            connection.watches(),
            ClusterCacheConfig.full(NAMESPACE),
            Threads.daemon("real-informer"),
            Clock.systemUTC());
    cache.start();
    assertThat(cache.awaitSynced(WAIT)).as("informers synced").isTrue();
    gateway =
        new ClusterGateway(
            client,
            connection.watches(),
            WorkloadSettings.defaults("it-secret").withNamespace(NAMESPACE),
            cache,
            Clock.systemUTC());
  }

  @AfterAll
  void close() {
    scheduler.shutdownNow();
    if (cache != null) {
      cache.close();
    }
  }

  @Test
  void appliesOnceAndTheCachesFollowThePodToRunningAndGone() {
    long jobId = System.currentTimeMillis() % 1_000_000_000L;
    WorkloadSpec spec =
        Specs.aJob().jobId(jobId).gpuModel("A100").command(List.of("sleep", "300")).build();

    gateway.apply(spec);
    gateway.apply(spec); // the second finds the pod there and leaves it
    await("one attempt")
        .atMost(WAIT)
        .until(
            () -> gateway.attempts(NAMESPACE, jobId).equals(new java.util.TreeSet<>(List.of(1))));

    await("running")
        .atMost(WAIT)
        .until(() -> gateway.observe(jobId, 1).phase() == WorkloadPhase.RUNNING);
    assertThat(gateway.observe(jobId, 1).nodeNames()).allMatch(n -> n.startsWith("a100-node-"));
    gateway.delete(jobId, 1);
    await("gone").atMost(WAIT).until(() -> gateway.attempts(NAMESPACE, jobId).isEmpty());
    assertThat(gateway.observe(jobId, 1).preempted()).isFalse();
  }

  @Test
  void aWriteWithAStaleResourceVersionIsRefusedWithConflict() throws ApiException {
    CoordinationV1Api leases = new CoordinationV1Api(client);
    LeaderElector holder = elector("conflict-holder", new AtomicInteger());
    holder.start();
    await().atMost(WAIT).until(holder::isLeader);
    holder.stop(true);
    V1Lease read = leases.readNamespacedLease(LEASE, LEASE_NAMESPACE).execute();
    read.getSpec().holderIdentity("conflict-a");
    leases.replaceNamespacedLease(LEASE, LEASE_NAMESPACE, read).execute();

    read.getSpec().holderIdentity("conflict-b"); // still the old resourceVersion

    assertThatThrownBy(() -> leases.replaceNamespacedLease(LEASE, LEASE_NAMESPACE, read).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void exactlyOneCandidateLeadsAndTheOtherTakesOverOnRelease() {
    AtomicInteger started = new AtomicInteger();
    LeaderElector a = elector("replica-a", started);
    LeaderElector b = elector("replica-b", started);
    Candidates.oneLeadsThenHandsOver(a, b, WAIT);
    assertThat(started.get()).isEqualTo(2);
  }

  private LeaderElector elector(String identity, AtomicInteger started) {
    return Candidates.counting(
        client, Candidates.quickLease(LEASE_NAMESPACE, LEASE, identity), scheduler, started);
  }
}
