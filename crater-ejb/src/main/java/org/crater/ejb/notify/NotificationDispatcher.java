package org.crater.ejb.notify;

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
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.ejb.common.CraterMetrics;
import org.crater.ejb.node.Cluster;
import org.crater.ejb.node.FencedException;

/**
 * The leader's notification loop, every {@code crater.notifications.poll}: turns the job events not
 * yet handled into notifications ({@link NotificationWriter}), then makes the e-mails and webhook
 * calls that are due ({@link DeliveryRun}). Replicas that do not lead do nothing here.
 */
@Singleton
@Startup
@DependsOn({"Cluster", "SchemaMigration"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NotificationDispatcher {

  private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());
  private static final int BATCH = 200;
  private static final int MOST_BATCHES_PER_RUN = 10;
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

  @EJB private Cluster cluster;
  @EJB private NotificationWriter writer;
  @Inject private DeliveryRun deliveries;
  @Inject private NotifySettings settings;
  @Inject private MailSettings mail;
  @Inject private CraterMetrics metrics;
  @Inject private Clock clock;
  @Resource private ManagedScheduledExecutorService timer;

  private ScheduledFuture<?> polling;
  private volatile Instant pruned = Instant.EPOCH;

  @PostConstruct
  void start() {
    settings.check(); // a bad setting stops the deployment, naming it
    if (mail.configured()) {
      mail.sessionProperties();
    }
    LOG.info(mail::describe);
    long every = settings.poll().toMillis();
    polling = timer.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    polling.cancel(false);
  }

  private void runQuietly() {
    try {
      run();
    } catch (FencedException e) {
      cluster.fenced(e.epoch());
    } catch (RuntimeException e) {
      // Nothing was marked or recorded: the next run takes the same events and deliveries.
      LOG.log(Level.WARNING, "notification run failed: " + e.getMessage(), e);
    }
  }

  private void run() {
    long epoch = cluster.epoch();
    if (epoch == 0) {
      return;
    }
    Duration lookback = settings.lookback();
    for (int i = 0; i < MOST_BATCHES_PER_RUN; i++) {
      int handled = writer.handleBatch(clock.instant(), lookback, BATCH, epoch);
      if (handled > 0) {
        LOG.fine(() -> "notified events=" + handled);
      }
      if (handled < BATCH) {
        break;
      }
    }
    Instant now = clock.instant();
    if (now.isAfter(pruned.plus(PRUNE_EVERY))) {
      pruned = now;
      writer.prune(now, lookback, epoch);
    }
    deliveries.sendDue(epoch);
    metrics.timerRan("notifications");
  }
}
