package org.crater.k8s.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crater.k8s.common.Threads;
import org.crater.k8s.informer.Controller;
import org.crater.k8s.informer.Request;
import org.crater.k8s.informer.WorkQueue;
import org.crater.k8s.support.SimHarness;
import org.crater.k8s.support.Specs;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadKind;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reconcile loop end to end: informers -> queue -> controller -> reconciler -> cluster -> sink.
 */
class WorkloadReconcilerIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static SimHarness cluster;

  private final Map<Long, DesiredAttempt> desired = new ConcurrentHashMap<>();
  private final Map<Long, ObservedWorkload> observed = new ConcurrentHashMap<>();

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = SimHarness.start(SimConfig.builder().nodes(2).gpusPerNode(8).runMs(60_000));
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private static WorkloadSpec spec(long jobId, int attempt, WorkloadKind kind, int replicas) {
    return Specs.aJob()
        .jobId(jobId)
        .attempt(attempt)
        .kind(kind)
        .replicas(replicas)
        .annotation("sim.crater.io/run-ms", "300")
        .build();
  }

  private static int pods(long jobId, int attempt) throws Exception {
    return new CoreV1Api(cluster.client())
        .listNamespacedPod(SimHarness.NAMESPACE)
        .labelSelector("crater.io/job-id=" + jobId + ",crater.io/attempt=" + attempt)
        .execute()
        .getItems()
        .size();
  }

  @Test
  void createsRunsRequeuesAndRemovesAJob() throws Exception {
    WorkQueue<Request> queue = WorkQueue.withDefaultBackoff();
    cluster.cache().feed(queue);
    WorkloadReconciler reconciler =
        new WorkloadReconciler(
            cluster.gateway(),
            id -> Optional.ofNullable(desired.get(id)),
            o -> observed.put(o.jobId(), o),
            Duration.ofSeconds(1));
    try (Controller controller =
        new Controller("it-reconcile", queue, reconciler, 2, Threads.daemon("it-reconcile"))) {
      controller.start();

      desired.put(901L, new DesiredAttempt(spec(901, 1, WorkloadKind.BATCH, 1), true));
      queue.add(new Request(901));
      await()
          .atMost(WAIT)
          .until(() -> observed.get(901L), o -> o != null && o.phase() == WorkloadPhase.SUCCEEDED);

      desired.put(901L, new DesiredAttempt(spec(901, 2, WorkloadKind.PYTORCH, 2), true));
      queue.add(new Request(901));
      await()
          .atMost(WAIT)
          .until(
              () -> observed.get(901L),
              o -> o.attempt() == 2 && o.phase() == WorkloadPhase.SUCCEEDED);
      await().atMost(WAIT).until(() -> pods(901, 1) == 0);
      assertThat(pods(901, 2)).isEqualTo(2);

      desired.remove(901L);
      queue.add(new Request(901));
      await().atMost(WAIT).until(() -> pods(901, 2) == 0);
      assertThat(cluster.gateway().attempts(SimHarness.NAMESPACE, 901)).isEmpty();
    }
  }

  @Test
  void finishedAttemptKeptForLogsIsNotRecreated() throws Exception {
    WorkloadSpec spec = spec(902, 1, WorkloadKind.BATCH, 1);
    cluster.gateway().apply(spec);
    await()
        .atMost(WAIT)
        .until(() -> cluster.gateway().observe(902, 1).phase() == WorkloadPhase.SUCCEEDED);
    cluster.gateway().delete(902, 1);
    await().atMost(WAIT).until(() -> pods(902, 1) == 0);
    WorkloadReconciler reconciler =
        new WorkloadReconciler(
            cluster.gateway(),
            id -> Optional.of(new DesiredAttempt(spec, false)),
            o -> observed.put(o.jobId(), o),
            Duration.ofSeconds(1));
    await()
        .atMost(WAIT)
        .until(() -> cluster.gateway().observe(902, 1).phase() == WorkloadPhase.MISSING);
    reconciler.reconcile(new Request(902));
    assertThat(observed.get(902L).phase()).isEqualTo(WorkloadPhase.MISSING);
    assertThat(pods(902, 1)).isZero();
  }
}
