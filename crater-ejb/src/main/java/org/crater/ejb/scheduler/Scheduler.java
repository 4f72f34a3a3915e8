package org.crater.ejb.scheduler;

import jakarta.annotation.PostConstruct;
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
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.ejb.common.CraterMetrics;
import org.crater.ejb.common.QuotasChanged;
import org.crater.ejb.job.JobsChanged;
import org.crater.ejb.node.Cluster;

/**
 * Runs admission passes: right after jobs change (coalesced — at most one pass runs, at most one
 * every 20 ms, and requests arriving meanwhile fold into the next), when capacity moves, and every
 * few seconds as a safety net. Passes plan over an in-memory book of the queued and running jobs,
 * read in full at start-up, on gaining leadership and every 30 s, and otherwise kept in step by
 * reading only the jobs whose change was committed here. Every replica plans, so every replica can
 * say why a job waits and where it stands; only the leader commits admissions and preemptions.
 */
@Singleton
@Startup
@DependsOn("Cluster")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scheduler {

  private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

  @EJB private Cluster cluster;
  @EJB private SchedulerStore store;
  @Inject private CraterMetrics metrics;
  @Inject private Clock clock;
  @Resource private ManagedExecutorService executor;

  /** Passes start at most this often; requests in between fold into the next pass. */
  private static final long MIN_PASS_GAP_NANOS = Duration.ofMillis(20).toNanos();

  /** The book is read again in full this often, to catch changes made by other replicas. */
  private static final int RELOAD_EVERY_SAFETY_NETS = 6;

  private final AtomicBoolean requested = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();
  private final Set<Long> changed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean reload = new AtomicBoolean(true);
  private final JobBook book = new JobBook();
  private int safetyNets;
  private long lastPassStarted;
  private volatile Map<Long, Waiting> waiting = Map.of();

  /** Asks for a pass soon; returns at once. */
  public void requestPass() {
    requested.set(true);
    if (running.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  /** Why the queued job waits and where it stands, as of the last pass. */
  public Optional<Waiting> waiting(long jobId) {
    return Optional.ofNullable(waiting.get(jobId));
  }

  /** Plans a pass after every committed change of jobs. */
  public void jobsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobsChanged change) {
    changed.addAll(change.jobIds());
    requestPass();
  }

  /** Plans a pass after every committed change of quotas: more quota may admit waiting jobs. */
  public void quotasChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) QuotasChanged change) {
    requestPass();
  }

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void safetyNet() {
    if (++safetyNets % RELOAD_EVERY_SAFETY_NETS == 0) {
      reload.set(true);
    }
    requestPass();
    metrics.timerRan("scheduler");
  }

  @PostConstruct
  void start() {
    cluster.onCapacityChange(this::requestPass);
    cluster.onStartedLeading(
        () -> {
          reload.set(true);
          requestPass();
        });
    requestPass();
  }

  private void drain() {
    try {
      while (requested.get()) {
        long gap = lastPassStarted + MIN_PASS_GAP_NANOS - System.nanoTime();
        if (gap > 0) {
          Thread.sleep(gap / 1_000_000, (int) (gap % 1_000_000));
        }
        requested.set(false);
        lastPassStarted = System.nanoTime();
        passOnce();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running.set(false);
      if (requested.get() && running.compareAndSet(false, true)) {
        executor.execute(this::drain);
      }
    }
  }

  private AdmissionPlan plan(List<QueuedJob> queued, Instant now) {
    Room room = Room.of(cluster.inventory());
    SchedulerStore.Limits limits = store.limits();
    return AdmissionPass.plan(
        new AdmissionPass.Snapshot(queued, book.held(), limits.members(), limits.accounts(), room),
        now);
  }

  /** Reads all active jobs when due, else only those that changed since the last pass. */
  private void refreshBook() {
    if (reload.getAndSet(false)) {
      changed.clear();
      book.reset(store.active());
      return;
    }
    if (!changed.isEmpty()) {
      List<Long> ids = new ArrayList<>(changed);
      changed.removeAll(ids);
      book.update(ids, store.byIds(ids));
    }
  }

  private void passOnce() {
    if (!cluster.synced()) {
      return;
    }
    try {
      long started = System.nanoTime();
      refreshBook();
      Instant now = clock.instant();
      List<QueuedJob> queued = book.queued();
      // With nothing queued there is nothing to admit nor to preempt for.
      AdmissionPlan plan = queued.isEmpty() ? AdmissionPlan.EMPTY : plan(queued, now);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      waiting = plan.waiting();
      int admitted = 0;
      if (cluster.isLeader() && (!plan.admitted().isEmpty() || !plan.preempted().isEmpty())) {
        admitted = store.apply(plan, now);
        plan.admitted()
            .forEach(j -> metrics.admissionLatency(Duration.between(j.submittedAt(), now)));
      }
      metrics.pass(took, admitted, plan.preempted().size(), plan.waiting().size());
      int count = admitted;
      LOG.fine(
          () ->
              "pass queued="
                  + queued.size()
                  + " admitted="
                  + count
                  + " preempted="
                  + plan.preempted().size()
                  + " took="
                  + took.toMillis()
                  + "ms");
    } catch (RuntimeException e) {
      // The next change or the safety net tries again (on a book read afresh); a plan that lost a
      // race is simply redone.
      reload.set(true);
      LOG.warning(() -> "admission pass failed, the next pass retries: " + e);
      LOG.log(Level.FINE, "admission pass failure", e);
    }
  }
}
