package org.crater.k8s.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.crater.k8s.lease.LeaderElector;
import org.crater.k8s.lease.LeadershipListener;
import org.crater.k8s.lease.LeaseConfig;

/**
 * Candidates for a Lease with short timings (Lease 2 s, renew deadline 1.5 s, retry 200 ms), so
 * tests of the election see it change hands within seconds.
 */
public final class Candidates {

  private Candidates() {}

  /** The short-timed Lease {@code lease} in {@code namespace}, as {@code identity} holds it. */
  public static LeaseConfig quickLease(String namespace, String lease, String identity) {
    return new LeaseConfig(
        namespace,
        lease,
        identity,
        Duration.ofSeconds(2),
        Duration.ofMillis(1500),
        Duration.ofMillis(200));
  }

  /** A candidate for {@code config}'s Lease that counts in {@code started} how often it won. */
  public static LeaderElector counting(
      ApiClient client,
      LeaseConfig config,
      ScheduledExecutorService scheduler,
      AtomicInteger started) {
    LeadershipListener listener =
        new LeadershipListener() {
          @Override
          public void onStartedLeading() {
            started.incrementAndGet();
          }

          @Override
          public void onStoppedLeading() {}
        };
    return new LeaderElector(client, config, scheduler, listener, Clock.systemUTC());
  }

  /**
   * Starts both candidates of one Lease and holds that exactly one leads, for a second; stops it
   * and holds that it leads no more and the other takes over; stops that one too.
   */
  public static void oneLeadsThenHandsOver(LeaderElector a, LeaderElector b, Duration wait) {
    a.start();
    b.start();
    await().atMost(wait).until(() -> a.isLeader() || b.isLeader());
    LeaderElector leader = a.isLeader() ? a : b;
    LeaderElector follower = leader == a ? b : a;
    await()
        .during(Duration.ofSeconds(1))
        .atMost(wait)
        .until(() -> leader.isLeader() && !follower.isLeader());

    leader.stop(true);
    assertThat(leader.isLeader()).isFalse();
    await().atMost(wait).until(follower::isLeader);
    follower.stop(true);
  }
}
