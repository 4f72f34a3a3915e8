package org.crater.ejb.common;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
}
