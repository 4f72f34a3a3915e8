package org.crater.ejb.common;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.crater.model.job.JobPhase;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Defines every {@code crater_*} metric in one place. Prometheus names: a metric {@code crater.x.y}
 * is exported as {@code crater_x_y} (counters with {@code _total}), in the application scope of
 * {@code /metrics}.
 */
@ApplicationScoped
public class CraterMetrics {

  private final AtomicLong accounts = new AtomicLong();
  private final AtomicLong queueDepth = new AtomicLong();
  private final AtomicLong lastPassMicros = new AtomicLong();
  private final AtomicLong reclaimedGpuSeconds = new AtomicLong();
  private final Map<JobPhase, AtomicLong> jobs = new EnumMap<>(JobPhase.class);

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @PostConstruct
  void register() {
    registry.gauge(
        Metadata.builder()
            .withName("crater.accounts")
            .withDescription("Accounts (projects) known to Crater")
            .build(),
        accounts,
        AtomicLong::get);
    registry.gauge(
        Metadata.builder()
            .withName("crater.queue.depth")
            .withDescription("Jobs waiting for admission after the last pass")
            .build(),
        queueDepth,
        AtomicLong::get);
    registry.gauge(
        Metadata.builder()
            .withName("crater.scheduler.last.pass")
            .withDescription("Duration of the last admission pass (snapshot read and plan)")
            .withUnit("seconds")
            .build(),
        lastPassMicros,
        micros -> micros.get() / 1e6);
    registry.gauge(
        Metadata.builder()
            .withName("crater.policy.reclaimed.gpu.hours")
            .withDescription(
                "GPU-hours that jobs stopped by idle reclamation held idle, since this replica"
                    + " started")
            .build(),
        reclaimedGpuSeconds,
        seconds -> seconds.get() / 3600.0);
    Metadata jobsByPhase =
        Metadata.builder().withName("crater.jobs").withDescription("Jobs by phase").build();
    for (JobPhase phase : JobPhase.values()) {
      AtomicLong count = new AtomicLong();
      jobs.put(phase, count);
      registry.gauge(jobsByPhase, count, AtomicLong::get, new Tag("phase", phase.label()));
    }
  }

  /** Records how many jobs are in each phase; phases not listed count zero. */
  public void jobs(Map<JobPhase, Long> counts) {
    jobs.forEach((phase, count) -> count.set(counts.getOrDefault(phase, 0L)));
  }

  /** Records the current number of accounts. */
  public void accounts(long count) {
    accounts.set(count);
  }

  /** Records one admission pass: its duration, what it admitted and preempted, what still waits. */
  public void pass(Duration took, int admitted, int preempted, int waiting) {
    lastPassMicros.set(took.toNanos() / 1000);
    queueDepth.set(waiting);
    registry
        .timer(
            Metadata.builder()
                .withName("crater.scheduler.pass")
                .withDescription("Admission passes (snapshot read and plan)")
                .build())
        .update(took);
    registry
        .counter(
            Metadata.builder()
                .withName("crater.scheduler.admitted")
                .withDescription("Jobs admitted by the scheduler")
                .build())
        .inc(admitted);
    registry
        .counter(
            Metadata.builder()
                .withName("crater.scheduler.preempted")
                .withDescription("Best-effort jobs preempted for guaranteed ones")
                .build())
        .inc(preempted);
  }

  /** Records how long a job waited from submission to admission. */
  public void admissionLatency(Duration waited) {
    registry
        .timer(
            Metadata.builder()
                .withName("crater.admission.latency")
                .withDescription("Time from submission (or requeue) to admission")
                .build())
        .update(waited);
  }

  /** Exports the number of jobs waiting for the reconciler (its work queue's length). */
  public void reconcileBacklog(LongSupplier backlog) {
    registry.gauge(
        Metadata.builder()
            .withName("crater.reconcile.backlog")
            .withDescription("Jobs waiting in the reconciler's work queue")
            .build(),
        backlog,
        LongSupplier::getAsLong);
  }

  /** Exports the number of audit entries waiting to be written. */
  public void auditWaiting(LongSupplier waiting) {
    registry.gauge(
        Metadata.builder()
            .withName("crater.audit.waiting")
            .withDescription("Audit entries waiting in memory to be written")
            .build(),
        waiting,
        LongSupplier::getAsLong);
  }

  /** Counts one audit entry dropped because the queue was full. */
  public void auditDropped() {
    registry
        .counter(
            Metadata.builder()
                .withName("crater.audit.dropped")
                .withDescription("Audit entries dropped because the in-memory queue was full")
                .build())
        .inc();
  }

  /** Counts one run of a periodic timer. */
  public void timerRan(String timer) {
    registry
        .counter(
            Metadata.builder()
                .withName("crater.timer.runs")
                .withDescription("Runs of Crater's periodic timers")
                .build(),
            new Tag("timer", timer))
        .inc();
  }

  /** Counts one warning or stop of a policy, by its code ({@code PolicyReason}). */
  public void policyAction(String reason) {
    registry
        .counter(
            Metadata.builder()
                .withName("crater.policy.actions")
                .withDescription("Warnings and stops by the cluster's policies, by reason")
                .build(),
            new Tag("reason", reason))
        .inc();
  }

  /** Records a stop by a policy: the GPUs it freed and the GPU-hours they had been held idle. */
  public void policyReclaimed(long gpus, double idleGpuHours) {
    registry
        .counter(
            Metadata.builder()
                .withName("crater.policy.stopped.gpus")
                .withDescription("GPUs freed by jobs the cluster's policies stopped")
                .build())
        .inc(gpus);
    reclaimedGpuSeconds.addAndGet(Math.round(idleGpuHours * 3600));
  }
}
