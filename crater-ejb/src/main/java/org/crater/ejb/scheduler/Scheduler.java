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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.ejb.common.CraterMetrics;
import org.crater.ejb.common.QuotasChanged;
import org.crater.ejb.job.JobsChanged;
import org.crater.ejb.node.Cluster;
import org.crater.ejb.node.FencedException;

/**
 * Runs admission passes on the leader: right after jobs change (coalesced — at most one pass runs,
 * at most one every 20 ms, and requests arriving meanwhile fold into the next), when capacity
 * moves, and every few seconds as a safety net. Passes plan over an in-memory book of the queued
 * and running jobs, read in full on gaining leadership and every 30 s, and otherwise kept in step
 * by reading only the jobs whose change was committed here or came through the change feed.
 *
 * <p>Only the leader plans. It publishes why jobs wait at most once a second (and only when that
 * changed) to the {@link WaitingBoard}, from which the other replicas answer, at most a second
 * behind.
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
  @EJB private WaitingBoard board;
  @Inject private CraterMetrics metrics;
  @Inject private SchedulerSettings settings;
  @Inject private Clock clock;
  @Resource private ManagedExecutorService executor;
  @Resource private ManagedScheduledExecutorService timer;

  /** Passes start at most this often; requests in between fold into the next pass. */
  private static final long MIN_PASS_GAP_NANOS = Duration.ofMillis(20).toNanos();

  /** The book is read again in full this often, a net under the change feed. */
  private static final int RELOAD_EVERY_SAFETY_NETS = 6;

  /** The published view is rewritten at most this often; followers read it at most this often. */
  private static final Duration BOARD_PERIOD = Duration.ofSeconds(1);

  private final AtomicBoolean requested = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();
  private final Set<Long> changed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean reload = new AtomicBoolean(true);
  private final AtomicBoolean limitsStale = new AtomicBoolean(true);
  private volatile SchedulerStore.Limits limits;
  private final JobBook book = new JobBook();
  private int safetyNets;
  private long lastPassStarted;
  private volatile Map<Long, Waiting> waiting = Map.of();
  private volatile AdmissionPlan last = AdmissionPlan.EMPTY;
  private volatile Map<Long, Waiting> published = Map.of();
  private volatile Map<Long, Waiting> followed = Map.of();
  private volatile long followedAt;

  /** The container's constructor; it injects the fields. */
  public Scheduler() {}

  /** A scheduler on these collaborators (tests); {@link #start} is not called. */
  Scheduler(
      Cluster cluster,
      SchedulerStore store,
      WaitingBoard board,
      CraterMetrics metrics,
      SchedulerSettings settings,
      Clock clock,
      ManagedExecutorService executor) {
    this.cluster = cluster;
    this.store = store;
    this.board = board;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
    this.executor = executor;
  }

  /** Asks for a pass soon; returns at once. */
  public void requestPass() {
    requested.set(true);
    if (running.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  /**
   * Why the queued job waits and where it stands, as of the leader's last pass (on a replica that
   * does not lead: as of its last publication, read at most once a second).
   */
  public Optional<Waiting> waiting(long jobId) {
    if (cluster.isLeader()) {
      return Optional.ofNullable(waiting.get(jobId));
    }
    long now = System.nanoTime();
    if (now - followedAt > BOARD_PERIOD.toNanos()) {
      followed = board.read();
      followedAt = now;
    }
    return Optional.ofNullable(followed.get(jobId));
  }

  /**
   * The nodes reserved, as of the last pass, for other guaranteed jobs than {@code jobId}: its pods
   * must not be placed there.
   */
  public Set<String> reservedAgainst(long jobId) {
    return last.reservedAgainst(jobId);
  }

  /**
   * Plans a pass after every committed change of jobs. The change is noted even while a late Lease
   * renewal pauses the passes: the book must not miss it when they resume.
   */
  public void jobsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobsChanged change) {
    if (cluster.claimedEpoch()) {
      changed.addAll(change.jobIds());
      requestPass();
    }
  }

  /** Plans a pass after every committed change of quotas: more quota may admit waiting jobs. */
  public void quotasChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) QuotasChanged change) {
    limitsStale.set(true);
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
    long period = BOARD_PERIOD.toMillis();
    timer.scheduleWithFixedDelay(this::publishQuietly, period, period, TimeUnit.MILLISECONDS);
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
    if (limitsStale.getAndSet(false) || limits == null) {
      limits = store.limits(now);
    }
    return AdmissionPass.plan(
        new AdmissionPass.Snapshot(queued, book.held(), limits.members(), limits.accounts(), room),
        now,
        settings.reserveAfter());
  }

  /**
   * Reads all active jobs when due, else only those that changed since the last pass. The limits
   * (member and account quotas) are read again with a full read and after every committed quota
   * change, here or on another replica (through the change feed); else the last read serves.
   */
  private void refreshBook() {
    if (reload.getAndSet(false)) {
      limitsStale.set(true);
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
    long epoch = cluster.epoch();
    if (epoch == 0 || !cluster.synced()) {
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
      last = plan;
      int admitted = apply(plan, now, epoch);
      metrics.pass(took, admitted, plan.preempted().size(), plan.waiting().size());
      LOG.fine(
          () ->
              "pass queued="
                  + queued.size()
                  + " admitted="
                  + admitted
                  + " preempted="
                  + plan.preempted().size()
                  + " took="
                  + took.toMillis()
                  + "ms");
    } catch (FencedException e) {
      cluster.fenced(e.epoch());
      reload.set(true);
    } catch (RuntimeException e) {
      // The next change or the safety net tries again (on a book read afresh); a plan that lost a
      // race is simply redone.
      reload.set(true);
      LOG.warning(() -> "admission pass failed, the next pass retries: " + e);
      LOG.log(Level.FINE, "admission pass failure", e);
    }
  }

  /** Commits the plan, if it moves anything; returns how many jobs it admitted. */
  private int apply(AdmissionPlan plan, Instant now, long epoch) {
    if (plan.admitted().isEmpty() && plan.preempted().isEmpty()) {
      return 0;
    }
    int admitted = store.apply(plan, now, epoch);
    plan.admitted().forEach(j -> metrics.admissionLatency(Duration.between(j.submittedAt(), now)));
    return admitted;
  }

  /** Publishes the leader's view for the other replicas when it changed (at most once a second). */
  private void publishQuietly() {
    long epoch = cluster.epoch();
    Map<Long, Waiting> current = waiting;
    if (epoch == 0 || current.equals(published)) {
      return;
    }
    try {
      board.publish(current, clock.instant(), epoch);
      published = current;
    } catch (FencedException e) {
      cluster.fenced(e.epoch());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "publishing the waiting view failed; the next round retries", e);
    }
  }
}
