package org.crater.ejb.replica;

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
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.ejb.common.QuotasChanged;
import org.crater.ejb.job.JobsChanged;
import org.crater.ejb.node.Cluster;
import org.crater.ejb.node.FencedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries changes committed on a replica that does not lead to the leader. Such a replica appends
 * them to the feed in the same transaction as the change; the leader reads the feed every {@code
 * crater.replicas.feed-poll} (default 100 ms) and fires them as local events, so its scheduler and
 * reconciler act on them as on its own. A replica that has just become leader starts a little
 * before the newest row: what came before is covered by the full reload it does anyway.
 */
@Singleton
@Startup
@DependsOn("Cluster")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChangeFeed {

  private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());
  private static final int BATCH = 5_000;
  private static final long OVERLAP = 1_000;
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final Duration KEEP = Duration.ofMinutes(10);
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

  @EJB private Cluster cluster;
  @EJB private ChangeLog log;
  @Inject private Event<JobsChanged> jobs;
  @Inject private Event<QuotasChanged> quotas;
  @Inject private Clock clock;
  @Resource private ManagedScheduledExecutorService timer;

  @Inject
  @ConfigProperty(name = "crater.replicas.feed-poll", defaultValue = "PT0.1S")
  Duration poll;

  private ScheduledFuture<?> polling;
  private volatile FeedCursor cursor;
  private volatile Instant pruned = Instant.EPOCH;

  @PostConstruct
  void start() {
    polling =
        timer.scheduleWithFixedDelay(
            this::pollQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    polling.cancel(false);
  }

  /** On a replica that does not lead: writes the change into the feed, inside its transaction. */
  public void jobsChanged(@Observes(during = TransactionPhase.IN_PROGRESS) JobsChanged change) {
    if (!change.observed() && !cluster.isLeader()) {
      log.append(Change.JOB, change.jobIds());
    }
  }

  /** On a replica that does not lead: writes the quota change into the feed. */
  public void quotasChanged(@Observes(during = TransactionPhase.IN_PROGRESS) QuotasChanged change) {
    if (!cluster.isLeader()) {
      log.append(Change.QUOTA, Set.of());
    }
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (FencedException e) {
      cluster.fenced(e.epoch());
    } catch (RuntimeException e) {
      // The next poll tries again from the same place.
      LOG.log(Level.FINE, "change feed poll failed", e);
    }
  }

  private void poll() {
    long epoch = cluster.epoch();
    if (epoch == 0) {
      cursor = null;
      return;
    }
    FeedCursor at = cursor;
    if (at == null) {
      at = new FeedCursor(Math.max(0, log.newest() - OVERLAP), SETTLE);
      cursor = at;
    }
    Instant now = clock.instant();
    List<Change> fresh = at.take(log.after(at.floor(), BATCH), now);
    publish(fresh);
    if (now.isAfter(pruned.plus(PRUNE_EVERY))) {
      pruned = now;
      log.prune(now.minus(KEEP), epoch);
    }
  }

  /** Fires the changes read as events of this replica: no transaction here, so at once. */
  private void publish(List<Change> fresh) {
    Set<Long> changedJobs = new HashSet<>();
    boolean quota = false;
    for (Change change : fresh) {
      if (change.jobId() != null) {
        changedJobs.add(change.jobId());
      }
      quota |= Change.QUOTA.equals(change.kind());
    }
    if (!changedJobs.isEmpty()) {
      jobs.fire(JobsChanged.of(changedJobs));
      LOG.fine(() -> "picked up changed jobs=" + changedJobs.size());
    }
    if (quota) {
      quotas.fire(new QuotasChanged(null));
    }
  }
}
