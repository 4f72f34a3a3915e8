package org.crater.k8s.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.crater.k8s.common.Threads;
import org.crater.k8s.support.Candidates;
import org.crater.k8s.support.SimHarness;
import org.crater.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two candidates on one Lease in the simulated cluster. */
class LeaderElectorIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static SimHarness cluster;
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(2, Threads.daemon("it-elector"));

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = SimHarness.start(SimConfig.builder().nodes(1));
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private LeaderElector elector(String lease, String identity, AtomicInteger started) {
    return Candidates.counting(
        cluster.client(),
        Candidates.quickLease(SimHarness.NAMESPACE, lease, identity),
        scheduler,
        started);
  }

  @Test
  void exactlyOneLeadsAndTheOtherTakesOverOnRelease() {
    AtomicInteger startedA = new AtomicInteger();
    AtomicInteger startedB = new AtomicInteger();
    LeaderElector a = elector("release-lease", "replica-a", startedA);
    LeaderElector b = elector("release-lease", "replica-b", startedB);
    Candidates.oneLeadsThenHandsOver(a, b, WAIT);
    assertThat(startedA.get() + startedB.get()).isEqualTo(2);
  }

  @Test
  void theOtherTakesOverWhenTheLeaderStopsRenewing() {
    LeaderElector a = elector("expiry-lease", "replica-a", new AtomicInteger());
    a.start();
    await().atMost(WAIT).until(a::isLeader);
    LeaderElector b = elector("expiry-lease", "replica-b", new AtomicInteger());
    b.start();
    await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> !b.isLeader());

    a.stop(false);
    await().atMost(WAIT).until(b::isLeader);
    for (LeaderElector e : List.of(a, b)) {
      e.stop(true);
    }
  }

  @Test
  void aLeaderWhoseRoundsStopLeadsNoLongerThanTheRenewDeadline() throws Exception {
    ScheduledExecutorService one = Executors.newSingleThreadScheduledExecutor();
    LeaseConfig config = Candidates.quickLease(SimHarness.NAMESPACE, "paused-lease", "replica-a");
    LeaderElector a =
        new LeaderElector(
            cluster.client(), config, one, LeadershipListener.none(), Clock.systemUTC());
    try {
      a.start();
      await().atMost(WAIT).until(a::isLeader);
      CountDownLatch paused = new CountDownLatch(1);
      one.execute(() -> hang(paused)); // the election thread hangs, as in a pause

      long lost = System.nanoTime();
      await().atMost(Duration.ofSeconds(5)).until(() -> !a.isLeader());
      long leadNoLongerThan = Duration.ofNanos(System.nanoTime() - lost).toMillis();

      assertThat(leadNoLongerThan).isLessThanOrEqualTo(config.renewDeadline().toMillis());
      paused.countDown();
    } finally {
      a.stop(false);
      one.shutdownNow();
    }
  }

  private static void hang(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
