package org.crater.ejb.node;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.k8s.common.KubeConnection;
import org.crater.k8s.informer.ClusterCache;
import org.crater.k8s.informer.ClusterCacheConfig;
import org.crater.k8s.lease.LeaderElector;
import org.crater.k8s.lease.LeadershipListener;
import org.crater.k8s.lease.LeaseConfig;
import org.crater.k8s.node.NodeInventory;

/**
 * This replica's live view of the cluster: informers (pods, Volcano jobs, nodes) and the leader
 * Lease, started with container threads at deployment and stopped at undeployment. Loops that must
 * run once per cluster ask {@link #isLeader()} first.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class Cluster {

  private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

  @Inject private ClusterSettings settings;
  @Inject private Clock clock;

  @Resource private ManagedThreadFactory threads;
  @Resource private ManagedScheduledExecutorService scheduler;

  private ClusterCache cache;
  private LeaderElector elector;

  @PostConstruct
  void start() {
    Optional<KubeConnection> connection = settings.connection();
    if (connection.isEmpty()) {
      LOG.info(
          "no cluster configured: set CRATER_K8S_URL or CRATER_K8S_KUBECONFIG, or run in a pod");
      return;
    }
    try {
      cache =
          new ClusterCache(
              connection.get().watches(),
              ClusterCacheConfig.full(settings.namespace()),
              threads,
              clock);
      cache.start();
      String identity = settings.identity();
      elector =
          new LeaderElector(
              connection.get().requests(),
              LeaseConfig.defaults(settings.leaseNamespace(), settings.leaseName(), identity),
              scheduler,
              new LeadershipListener() {
                @Override
                public void onStartedLeading() {
                  LOG.info(() -> "started leading identity=" + identity);
                }

                @Override
                public void onStoppedLeading() {
                  LOG.info(() -> "stopped leading identity=" + identity);
                }
              },
              clock);
      elector.start();
      LOG.info(
          () ->
              "watching cluster at=" + settings.describe() + " namespace=" + settings.namespace());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "cannot start the cluster connection at=" + settings.describe(), e);
    }
  }

  @PreDestroy
  void stop() {
    if (elector != null) {
      elector.stop(true);
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

  /** True while this replica holds the leader Lease. */
  public boolean isLeader() {
    return elector != null && elector.isLeader();
  }

  public String describe() {
    return settings.describe();
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
