package org.crater.ejb.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.ejb.common.CraterMetrics;
import org.crater.ejb.node.Cluster;
import org.crater.ejb.node.FencedException;

/**
 * Deletes audit rows older than {@code crater.audit.retention}, every {@code
 * crater.audit.purge-every}, on the leader only: in batches of {@code crater.audit.batch-size}
 * rows, each its own transaction fenced by the leadership epoch, so no statement holds many locks
 * and a deposed leader deletes nothing more.
 */
@Singleton
@Startup
@DependsOn({"Cluster", "SchemaMigration"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditRetention {

  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  @EJB private Cluster cluster;
  @EJB private AuditStore store;
  @Inject private AuditSettings settings;
  @Inject private CraterMetrics metrics;
  @Inject private Clock clock;
  @Resource private ManagedScheduledExecutorService timer;

  private ScheduledFuture<?> purging;

  @PostConstruct
  void start() {
    long every = settings.purgeEvery().toMillis();
    purging = timer.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    purging.cancel(false);
  }

  private void purgeQuietly() {
    try {
      purge();
    } catch (FencedException e) {
      cluster.fenced(e.epoch());
    } catch (RuntimeException e) {
      // The next run tries again; rows only wait a little longer.
      LOG.log(Level.FINE, "audit purge failed", e);
    }
  }

  private void purge() {
    long epoch = cluster.epoch();
    if (epoch == 0) {
      return;
    }
    Instant before = clock.instant().minus(settings.retention());
    int batch = settings.batchSize();
    long removed = 0;
    int step;
    do {
      step = store.purge(before, batch, epoch);
      removed += step;
    } while (step == batch && cluster.epoch() == epoch);
    metrics.timerRan("audit-retention");
    if (removed > 0) {
      long total = removed;
      LOG.info(() -> "purged audit entries count=" + total + " before=" + before);
    }
  }
}
