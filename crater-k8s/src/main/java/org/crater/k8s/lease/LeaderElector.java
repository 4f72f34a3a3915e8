package org.crater.k8s.lease;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;
import org.crater.k8s.common.ApiErrors;

/**
 * Lease-based leader election on {@code coordination.k8s.io/v1}, driven by an injected scheduler.
 * Every retry period the candidate reads the Lease and, if it is free, expired or its own, writes
 * itself in with the Lease's resourceVersion; a 409 means another candidate won. Expiry is judged
 * by when this process last saw the Lease change (local monotonic time, as client-go does), so
 * clock skew between replicas cannot cause two leaders.
 *
 * <p>Leadership ends by the clock: {@link #isLeader()} is true only while the last successful round
 * started less than the renew deadline ago, whatever the election thread is doing (a hung call, a
 * pause). Every call to the API server is bounded by the retry period, so a round ends well inside
 * the renew deadline. A leader also steps down at once when another holder is seen.
 */
public final class LeaderElector implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LeaderElector.class.getName());

  private final CoordinationV1Api api;
  private final LeaseConfig config;
  private final ScheduledExecutorService scheduler;
  private final LeadershipListener listener;
  private final Clock clock;
  private volatile boolean leader;
  private volatile long lastRenewNanos;
  private String observedRecord;
  private long observedAtNanos;
  private ScheduledFuture<?> task;

  /**
   * @param client API client
   * @param config lease identity and timing
   * @param scheduler the container's scheduler (a single thread is enough)
   * @param listener told about leadership changes, on the scheduler thread
   * @param clock wall clock for the timestamps written into the Lease
   */
  public LeaderElector(
      ApiClient client,
      LeaseConfig config,
      ScheduledExecutorService scheduler,
      LeadershipListener listener,
      Clock clock) {
    this.api = new CoordinationV1Api(client);
    this.config = Objects.requireNonNull(config);
    this.scheduler = Objects.requireNonNull(scheduler);
    this.listener = Objects.requireNonNull(listener);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Starts trying to acquire (and then renew) the Lease every retry period. */
  public synchronized void start() {
    if (task != null) {
      throw new IllegalStateException("elector already started");
    }
    // Pass the Runnable itself: a wrapper returning a Runnable would never run
    // (pitfall "scheduled wrappers" in docs/architecture.md).
    task =
        scheduler.scheduleWithFixedDelay(
            this::tick, 0, config.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> "started elector lease=" + config.name() + " identity=" + config.identity());
  }

  /**
   * True while this candidate holds the Lease: it won it, and its last successful round started
   * less than the renew deadline ago (so before any other candidate may take over).
   */
  public boolean isLeader() {
    return leader && System.nanoTime() - lastRenewNanos < config.renewDeadline().toNanos();
  }

  /** The identity this candidate writes into the Lease. */
  public String identity() {
    return config.identity();
  }

  /**
   * Stops the elector; with {@code release}, a leader hands the Lease back so others take over at
   * once.
   */
  public void stop(boolean release) {
    ScheduledFuture<?> t;
    synchronized (this) {
      t = task;
      task = null;
    }
    if (t != null) {
      t.cancel(false);
    }
    synchronized (this) {
      if (release && leader) {
        releaseLease();
      }
      stepDown("stopped");
    }
  }

  /** Stops and releases. */
  @Override
  public void close() {
    stop(true);
  }

  /**
   * One round: acquire or renew, then update leadership. Never throws (it would cancel the
   * schedule).
   */
  synchronized void tick() {
    try {
      // The Lease counts from when this round began: the write may have reached the server early.
      long started = System.nanoTime();
      Outcome outcome = tryAcquireOrRenew();
      long now = System.nanoTime();
      if (outcome == Outcome.HELD) {
        lastRenewNanos = started;
        if (!leader) {
          leader = true;
          LOG.info(
              () -> "started leading lease=" + config.name() + " identity=" + config.identity());
          listener.onStartedLeading();
        }
      } else if (outcome == Outcome.OTHER_HOLDER) {
        stepDown("another holder");
      } else if (leader && now - lastRenewNanos > config.renewDeadline().toNanos()) {
        stepDown("renew deadline passed");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "failed elector round lease=" + config.name(), e);
    }
  }

  private enum Outcome {
    HELD,
    OTHER_HOLDER,
    FAILED
  }

  private Outcome tryAcquireOrRenew() {
    V1Lease lease;
    try {
      lease = bounded(api.readNamespacedLease(config.name(), config.namespace()).buildCall(null));
    } catch (ApiException e) {
      return ApiErrors.isNotFound(e) ? create() : failed("read", e);
    }
    V1LeaseSpec spec = lease.getSpec() == null ? new V1LeaseSpec() : lease.getSpec();
    observe(spec);
    String holder = spec.getHolderIdentity();
    boolean mine = config.identity().equals(holder);
    if (!mine && holder != null && !holder.isEmpty() && !expired(spec)) {
      return Outcome.OTHER_HOLDER;
    }
    lease.setSpec(nextSpec(spec, mine));
    try {
      bounded(api.replaceNamespacedLease(config.name(), config.namespace(), lease).buildCall(null));
      return Outcome.HELD;
    } catch (ApiException e) {
      return ApiErrors.isConflict(e) ? Outcome.FAILED : failed("update", e);
    }
  }

  private Outcome create() {
    V1Lease lease =
        new V1Lease()
            .apiVersion("coordination.k8s.io/v1")
            .kind("Lease")
            .metadata(new V1ObjectMeta().name(config.name()).namespace(config.namespace()))
            .spec(nextSpec(new V1LeaseSpec().leaseTransitions(0), false));
    try {
      bounded(api.createNamespacedLease(config.namespace(), lease).buildCall(null));
      return Outcome.HELD;
    } catch (ApiException e) {
      return ApiErrors.isConflict(e) ? Outcome.FAILED : failed("create", e);
    }
  }

  private V1LeaseSpec nextSpec(V1LeaseSpec current, boolean mine) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    int transitions = current.getLeaseTransitions() == null ? 0 : current.getLeaseTransitions();
    return new V1LeaseSpec()
        .holderIdentity(config.identity())
        .leaseDurationSeconds((int) config.leaseDuration().toSeconds())
        .acquireTime(mine && current.getAcquireTime() != null ? current.getAcquireTime() : now)
        .renewTime(now)
        .leaseTransitions(mine ? transitions : transitions + 1);
  }

  /** Notes when the Lease record last changed, on the local monotonic clock. */
  private void observe(V1LeaseSpec spec) {
    String record =
        spec.getHolderIdentity() + "|" + spec.getRenewTime() + "|" + spec.getLeaseTransitions();
    if (!record.equals(observedRecord)) {
      observedRecord = record;
      observedAtNanos = System.nanoTime();
    }
  }

  private boolean expired(V1LeaseSpec spec) {
    int seconds =
        spec.getLeaseDurationSeconds() == null
            ? (int) config.leaseDuration().toSeconds()
            : spec.getLeaseDurationSeconds();
    return System.nanoTime() - observedAtNanos > TimeUnit.SECONDS.toNanos(seconds);
  }

  private void releaseLease() {
    try {
      V1Lease lease = api.readNamespacedLease(config.name(), config.namespace()).execute();
      if (lease.getSpec() == null
          || !config.identity().equals(lease.getSpec().getHolderIdentity())) {
        return;
      }
      lease
          .getSpec()
          .holderIdentity("")
          .leaseDurationSeconds(1)
          .renewTime(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      api.replaceNamespacedLease(config.name(), config.namespace(), lease).execute();
      LOG.info(() -> "released lease=" + config.name() + " identity=" + config.identity());
    } catch (ApiException e) {
      LOG.log(Level.WARNING, "failed release lease=" + config.name() + " status=" + e.getCode(), e);
    }
  }

  private void stepDown(String why) {
    if (leader) {
      leader = false;
      LOG.info(
          () ->
              "stopped leading lease="
                  + config.name()
                  + " identity="
                  + config.identity()
                  + " reason="
                  + why);
      listener.onStoppedLeading();
    }
  }

  /** Runs one call to the API server, given up after the retry period. */
  private V1Lease bounded(Call call) throws ApiException {
    call.timeout().timeout(config.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
    return api.getApiClient().<V1Lease>execute(call, V1Lease.class).getData();
  }

  private Outcome failed(String verb, ApiException e) {
    LOG.fine(() -> "failed " + verb + " lease=" + config.name() + " status=" + e.getCode());
    return Outcome.FAILED;
  }
}
