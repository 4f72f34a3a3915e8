package org.crater.k8s.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.support.SimHarness;
import org.crater.k8s.support.Specs;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.Slo;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Preemption by the cluster (the simulated kube-scheduler) is reported as preemption, not failure.
 */
class PreemptionIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static SimHarness cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = SimHarness.start(SimConfig.builder().nodes(1).gpusPerNode(8).runMs(60_000));
    cluster.createPriorityClasses();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @AfterEach
  void deleteJobs() {
    for (long id : new long[] {701, 702, 711, 712}) {
      cluster.gateway().delete(id, 1);
    }
    await().atMost(WAIT).until(() -> cluster.cache().inventory().models().get("A100").free() == 8);
  }

  @Test
  void bestEffortPodEvictedForGuaranteedWorkIsReportedPreempted() {
    WorkloadSpec victim =
        Specs.aJob().jobId(701).slo(Slo.BEST_EFFORT).resource("nvidia.com/gpu", "8").build();
    cluster.gateway().apply(victim);
    await()
        .atMost(WAIT)
        .until(() -> cluster.gateway().observe(701, 1).phase() == WorkloadPhase.RUNNING);

    WorkloadSpec preemptor =
        Specs.aJob().jobId(702).slo(Slo.GUARANTEED).resource("nvidia.com/gpu", "8").build();
    cluster.gateway().apply(preemptor);

    ObservedWorkload evicted =
        await()
            .atMost(WAIT)
            .until(() -> cluster.gateway().observe(701, 1), ObservedWorkload::preempted);
    assertThat(evicted.phase()).isNotEqualTo(WorkloadPhase.SUCCEEDED);
    await()
        .atMost(WAIT)
        .until(() -> cluster.gateway().observe(702, 1).phase() == WorkloadPhase.RUNNING);
    assertThat(cluster.gateway().observe(702, 1).preempted()).isFalse();
  }

  @Test
  void bestEffortGangEvictedForGuaranteedWorkIsReportedPreempted() {
    WorkloadSpec gang =
        Specs.aJob()
            .jobId(711)
            .slo(Slo.BEST_EFFORT)
            .kind(WorkloadKinds.PYTORCH)
            .replicas(2)
            .resource("nvidia.com/gpu", "4")
            .build();
    cluster.gateway().apply(gang);
    await()
        .atMost(WAIT)
        .until(() -> cluster.gateway().observe(711, 1).phase() == WorkloadPhase.RUNNING);

    cluster
        .gateway()
        .apply(Specs.aJob().jobId(712).slo(Slo.GUARANTEED).resource("nvidia.com/gpu", "8").build());

    ObservedWorkload evicted =
        await()
            .atMost(WAIT)
            .until(() -> cluster.gateway().observe(711, 1), ObservedWorkload::preempted);
    assertThat(evicted.phase()).isNotEqualTo(WorkloadPhase.SUCCEEDED);
    await()
        .atMost(WAIT)
        .until(() -> cluster.gateway().observe(712, 1).phase() == WorkloadPhase.RUNNING);
  }
}
