package org.crater.ejb.reconcile;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.crater.ejb.common.CraterMetrics;
import org.crater.ejb.job.JobsChanged;
import org.crater.ejb.node.Cluster;
import org.crater.ejb.scheduler.Scheduler;
import org.crater.k8s.informer.Controller;
import org.crater.k8s.informer.Request;
import org.crater.k8s.informer.WorkQueue;

/**
 * Runs the job reconciler on container threads: informer changes, committed job changes and a
 * periodic resync (every unfinished job and every job with objects in the cluster, finished ones
 * for their retention) feed one work queue keyed by job id. Only the leader acts; a replica that
 * becomes leader resyncs at once.
 */
@Singleton
@Startup
@DependsOn("Scheduler")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobController {

  private static final Logger LOG = Logger.getLogger(JobController.class.getName());
  private static final int WORKERS = 4;
  private static final int BATCH = 50;

  @EJB private Cluster cluster;
  @EJB private JobRecords records;
  @EJB private Scheduler scheduler;
  @EJB private KeptLogs keptLogs;
  @Inject private RetentionSettings retention;
  @Inject private Clock clock;
  @Inject private CraterMetrics metrics;
  @Resource private ManagedThreadFactory threads;
  @Resource private ManagedExecutorService executor;

  private Controller controller;

  private JobReconciler reconciler(AttemptObjects objects) {
    return new JobReconciler(
        records,
        objects,
        cluster::epoch,
        cluster::fenced,
        scheduler::reservedAgainst,
        new FinishedObjects(objects, keptLogs, retention.retention(), clock));
  }

  @PostConstruct
  void start() {
    if (!cluster.configured()) {
      return;
    }
    WorkQueue<Request> queue = WorkQueue.withDefaultBackoff();
    controller =
        new Controller(
            "jobs",
            queue,
            reconciler(AttemptObjects.of(cluster.gateway())),
            WORKERS,
            BATCH,
            threads);
    cluster.onJobChange(id -> queue.add(new Request(id)));
    cluster.onStartedLeading(() -> executor.execute(this::resyncOnceSynced));
    controller.start();
    metrics.reconcileBacklog(queue::length);
  }

  @PreDestroy
  void stop() {
    if (controller != null) {
      controller.stop(Duration.ofSeconds(5));
    }
  }

  /** Reconciles the jobs of every committed change but its own (it follows those up itself). */
  public void jobsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobsChanged change) {
    if (controller != null && !change.observed() && cluster.isLeader()) {
      change.jobIds().forEach(id -> controller.queue().add(new Request(id)));
    }
  }

  @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
  void periodicResync() {
    if (cluster.isLeader()) {
      resync();
      metrics.timerRan("resync");
    }
  }

  /** Waits (up to a minute) for the cluster view, then resyncs: what a new leader does first. */
  private void resyncOnceSynced() {
    try {
      for (int i = 0; i < 600 && !cluster.synced(); i++) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    resync();
  }

  /** Queues every unfinished job and every job that has objects in the cluster. */
  void resync() {
    if (controller == null || !cluster.synced()) {
      return;
    }
    Set<Long> ids = new HashSet<>(records.unfinished());
    ids.addAll(cluster.jobsWithObjects());
    ids.forEach(id -> controller.queue().add(new Request(id)));
    LOG.fine(() -> "resync queued=" + ids.size());
  }
}
