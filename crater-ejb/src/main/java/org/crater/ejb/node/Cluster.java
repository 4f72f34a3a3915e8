package org.crater.ejb.node;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.ejb.auth.AuthSettings;
import org.crater.k8s.common.KubeConnection;
import org.crater.k8s.gateway.ClusterGateway;
import org.crater.k8s.informer.ClusterCache;
import org.crater.k8s.informer.ClusterCacheConfig;
import org.crater.k8s.lease.LeaderElector;
import org.crater.k8s.lease.LeadershipListener;
import org.crater.k8s.node.NodeInventory;
import org.crater.k8s.workload.WorkloadSettings;

/**
 * This replica's live view of the cluster: informers (pods, Volcano jobs, nodes) and the leader
 * Lease, started with container threads at deployment and stopped at undeployment. Loops that must
 * run once per cluster ask {@link #isLeader()} first, and make their writes under {@link #epoch()}.
 *
 * <p>Leading takes two steps: the Lease is won, then the next leadership epoch is claimed in the
 * database (on a thread of its own: a claim waits for the old leader's writes in flight, and the
 * Lease must go on being renewed meanwhile). Only then does this replica lead; it stops as soon as
 * the Lease is lost by the clock or a write of its is refused under its epoch.
 *
 * <p>It starts after the schema is migrated: on a new database the first claim would otherwise meet
 * tables that do not exist yet.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@Lock(LockType.READ)
public class Cluster {

  private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

  /**
   * How long a claim waits for a write in flight under the old epoch before ending it. The old
   * leader's Lease ran out before this claim began, and a healthy one commits in milliseconds.
   */
  private static final Duration CLAIM_BLOCKED = Duration.ofSeconds(1);

  @Inject private ClusterSettings settings;
  @Inject private AuthSettings auth;
  @Inject private NotebookSettings notebooks;
  @Inject private Clock clock;
  @Inject private Event<ClusterStarted> started;

  @Resource private ManagedThreadFactory threads;
  @Resource private ManagedScheduledExecutorService scheduler;
  @Resource private ManagedExecutorService executor;
  @EJB private LeaderFence fence;

  private ClusterCache cache;
  private ClusterGateway gateway;
  private LeaderElector elector;
  private ScheduledExecutorService leaseThread;
  private volatile long epoch;
  private final List<Runnable> leadershipListeners = new CopyOnWriteArrayList<>();

  @PostConstruct
  void start() {
    connect();
    started.fire(new ClusterStarted());
  }

  private void connect() {
    Optional<KubeConnection> connection = settings.connection();
    if (connection.isEmpty()) {
      LOG.info(
          "no cluster configured: set CRATER_K8S_URL or CRATER_K8S_KUBECONFIG, or run in a pod");
      return;
    }
    // Outside the try below: invalid notebook settings stop the deployment, naming the setting.
    WorkloadSettings workloads = workloadSettings();
    try {
      cache =
          new ClusterCache(
              connection.get().watches(),
              ClusterCacheConfig.full(settings.namespace()),
              threads,
              clock);
      cache.start();
      gateway =
          new ClusterGateway(
              connection.get().requests(), connection.get().watches(), workloads, cache, clock);
      elector = elector(connection.get(), settings.identity());
      elector.start();
      LOG.info(
          () ->
              "watching cluster at=" + settings.describe() + " namespace=" + settings.namespace());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "cannot start the cluster connection at=" + settings.describe(), e);
    }
  }

  /**
   * The settings desired objects are built with. Notebook tokens are stored with their jobs; the
   * derived secret only serves the notebooks started before that.
   */
  private WorkloadSettings workloadSettings() {
    return WorkloadSettings.defaults(auth.derivedSecret("jupyter-token"))
        .withNamespace(settings.namespace())
        .withNotebooks(notebooks.ingress())
        .withNodeLoss(settings.nodeLoss());
  }

  /**
   * The Lease election of this replica; winning it starts the claim of the next epoch. It renews on
   * a thread of its own: on the container's shared scheduled executor (one thread) a long task
   * ahead of it, such as writing a large audit batch under load, delayed renewals past the renew
   * deadline, and the leader paused its passes until the next one.
   */
  private LeaderElector elector(KubeConnection connection, String identity) {
    leaseThread = Executors.newSingleThreadScheduledExecutor(threads);
    return new LeaderElector(
        connection.requests(),
        settings.lease(identity),
        leaseThread,
        new LeadershipListener() {
          @Override
          public void onStartedLeading() {
            epoch = 0;
            executor.execute(() -> claimEpoch(identity));
          }

          @Override
          public void onStoppedLeading() {
            epoch = 0;
            LOG.info(() -> "stopped leading identity=" + identity);
          }
        },
        clock);
  }

  @PreDestroy
  void stop() {
    if (elector != null) {
      elector.stop(true);
      leaseThread.shutdownNow();
    }
    if (cache != null) {
      cache.close();
    }
  }

  public boolean configured() {
    return cache != null;
  }

  public boolean synced() {
    return cache != null && cache.hasSynced();
  }

  /** True while this replica holds the leader Lease and its epoch. */
  public boolean isLeader() {
    return epoch > 0 && elector != null && elector.isLeader();
  }

  /**
   * True from claiming an epoch until stepping down: unlike {@link #isLeader()}, it stays true
   * while a renewal of the Lease is merely late, so what the leader keeps track of is not lost
   * meanwhile. Acting as leader still needs {@link #epoch()}.
   */
  public boolean claimedEpoch() {
    return epoch > 0;
  }

  /** The epoch this replica leads under, 0 while it does not lead. */
  public long epoch() {
    long current = epoch;
    return current > 0 && isLeader() ? current : 0;
  }

  /**
   * A write made under {@code refused} was refused: another replica leads. Stops leading until the
   * Lease is won again.
   */
  public void fenced(long refused) {
    if (refused == epoch) {
      epoch = 0;
      LOG.warning(
          () -> "stopped leading: another replica has claimed a newer epoch than " + refused);
    }
  }

  /** Claims the next epoch while the Lease is held, then lets the leader's loops catch up. */
  private void claimEpoch(String identity) {
    for (int attempt = 0; elector.isLeader() && epoch == 0; attempt++) {
      AtomicBoolean reported = new AtomicBoolean();
      ScheduledFuture<?> breaker =
          scheduler.scheduleWithFixedDelay(
              () -> endClaimBlockers(reported),
              CLAIM_BLOCKED.toMillis(),
              CLAIM_BLOCKED.toMillis(),
              TimeUnit.MILLISECONDS);
      try {
        long claimed = fence.claim(identity);
        if (!elector.isLeader()) {
          return; // lost the Lease meanwhile: the next winner claims a newer epoch
        }
        epoch = claimed;
        LOG.info(() -> "started leading identity=" + identity + " epoch=" + claimed);
        leadershipListeners.forEach(Runnable::run);
      } catch (RuntimeException e) {
        LOG.warning(() -> "failed to claim the leadership epoch, retrying: " + e.getMessage());
        sleep(Math.min(5_000, 200L << Math.min(attempt, 5)));
      } finally {
        breaker.cancel(false);
      }
    }
  }

  /**
   * Ends what holds the claim up: a write in flight of a leader that will not commit it. A failure
   * (say, a missing privilege) is reported once per claim.
   */
  private void endClaimBlockers(AtomicBoolean reported) {
    try {
      fence.endClaimBlockers(CLAIM_BLOCKED);
    } catch (RuntimeException e) {
      if (!reported.getAndSet(true)) {
        LOG.warning(() -> "cannot end what holds up the claim of the epoch: " + e.getMessage());
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Calls {@code listener} (on a container thread) whenever this replica becomes the leader; the
   * loops gated by {@link #isLeader()} catch up then.
   */
  public void onStartedLeading(Runnable listener) {
    leadershipListeners.add(listener);
  }

  /** Calls {@code listener} with the id of every job whose cluster objects change. */
  public void onJobChange(LongConsumer listener) {
    if (cache != null) {
      cache.onJobChange(listener);
    }
  }

  /** Calls {@code listener} whenever free capacity may have moved. */
  public void onCapacityChange(Runnable listener) {
    if (cache != null) {
      cache.onInventoryChange(listener);
    }
  }

  /** Ids of the jobs that have objects in the cluster, as cached. */
  public Set<Long> jobsWithObjects() {
    return cache == null ? Set.of() : cache.jobIds();
  }

  /** Writes, observes and reads logs of jobs' cluster objects. */
  public ClusterGateway gateway() {
    if (gateway == null) {
      throw new ClusterUnavailableException("No cluster is configured.");
    }
    return gateway;
  }

  public String describe() {
    return settings.describe();
  }

  /** The GPU models the cluster's nodes have; empty while there is no cluster view. */
  public Set<String> gpuModels() {
    return synced() ? cache.gpuModels() : Set.of();
  }

  /**
   * The nodes as if empty (what each could hold), or {@link ClusterUnavailableException} while the
   * cluster view is not synced; unlike {@link #inventory()}, pods coming and going do not rebuild
   * it.
   */
  public NodeInventory emptyNodes() {
    if (!synced()) {
      throw new ClusterUnavailableException("The cluster view is still loading; retry shortly.");
    }
    return cache.emptyNodes();
  }

  /** The node inventory, or {@link ClusterUnavailableException} while there is none to read. */
  public NodeInventory inventory() {
    if (cache == null) {
      throw new ClusterUnavailableException("No cluster is configured.");
    }
    if (!cache.hasSynced()) {
      throw new ClusterUnavailableException("The cluster view is still loading; retry shortly.");
    }
    return cache.inventory();
  }
}
