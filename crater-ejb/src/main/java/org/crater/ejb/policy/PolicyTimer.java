package org.crater.ejb.policy;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.crater.ejb.common.CraterMetrics;
import org.crater.ejb.gpu.GpuUtilisation;
import org.crater.ejb.gpu.GpuUtilisationUnavailableException;
import org.crater.ejb.node.Cluster;
import org.crater.ejb.node.ClusterSettings;
import org.crater.ejb.node.FencedException;
import org.crater.model.policy.PolicyLimits;

/**
 * Checks the policies on the leader every {@code crater.policies.check-period}: reads the queued
 * and running jobs and, when some policy reclaims idle GPUs, their pods' utilisation once, decides
 * for each job ({@link PolicyDecisions}) and has {@link PolicyStore} record what is due, one job
 * per transaction, under the leader's epoch. Everything it goes by is stored, so a restart or a new
 * leader carries on without warning or stopping twice.
 */
@Singleton
@Startup
@DependsOn({"Cluster", "SchemaMigration"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PolicyTimer {

  private static final Logger LOG = Logger.getLogger(PolicyTimer.class.getName());

  @EJB private Cluster cluster;
  @EJB private PolicyStore store;
  @Inject private GpuUtilisation utilisation;
  @Inject private PolicySettings settings;
  @Inject private CraterMetrics metrics;
  @Inject private ClusterSettings clusterSettings;
  @Inject private Clock clock;
  @Resource private ManagedScheduledExecutorService timer;

  private ScheduledFuture<?> checking;
  private volatile boolean saidIdleOff;

  @PostConstruct
  void start() {
    long period = settings.checkPeriod().toMillis();
    checking =
        timer.scheduleWithFixedDelay(this::checkQuietly, period, period, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    checking.cancel(false);
  }

  private void checkQuietly() {
    try {
      check();
    } catch (FencedException e) {
      cluster.fenced(e.epoch());
    } catch (RuntimeException e) {
      // The next check decides again from what is stored.
      LOG.log(Level.WARNING, "policy check failed: " + e.getMessage(), e);
    }
  }

  private void check() {
    long epoch = cluster.epoch();
    if (epoch == 0) {
      return;
    }
    Policies policies = store.policies();
    if (!policies.limitAnything()) {
      return;
    }
    List<Candidate> candidates = store.candidates();
    Map<Duration, Map<String, List<Double>>> means =
        policies.reclaimIdle() ? means(policies) : Map.of();
    for (Candidate candidate : candidates) {
      try {
        check(candidate, policies.of(candidate.accountId()), means, epoch);
      } catch (FencedException e) {
        throw e;
      } catch (RuntimeException e) {
        // One job's trouble must not hold the others back; the next round tries it again.
        LOG.log(Level.WARNING, "policy check failed job=" + candidate.facts().id() + ": " + e, e);
      }
    }
    metrics.timerRan("policies");
  }

  private void check(
      Candidate candidate,
      PolicyLimits limits,
      Map<Duration, Map<String, List<Double>>> means,
      long epoch) {
    Map<String, List<Double>> byJob =
        limits.idleWindow() == null ? null : means.get(limits.idleWindow());
    List<Double> podMeans =
        byJob == null ? null : byJob.getOrDefault(candidate.clusterName(), List.of());
    if (PolicyDecisions.decide(
            candidate.facts(), limits, candidate.marks(), podMeans, clock.instant())
        .isEmpty()) {
      return;
    }
    PolicyOutcome outcome =
        store.apply(candidate.facts().id(), candidate.facts().attempt(), podMeans, epoch);
    outcome.actions().stream()
        .filter(action -> action.reason() != null)
        .forEach(action -> metrics.policyAction(action.reason().code()));
    if (outcome.actions().stream().anyMatch(PolicyAction::stops)) {
      metrics.policyReclaimed(outcome.gpus(), outcome.reclaimedGpuHours());
    }
  }

  /**
   * The pods' mean utilisation for each idle window the policies use, grouped by the name of the
   * attempt the pods belong to; empty when there is no source (said once in the log), and without
   * the windows the source did not answer for (no idle decisions on them this round).
   */
  private Map<Duration, Map<String, List<Double>>> means(Policies policies) {
    if (!utilisation.configured()) {
      if (!saidIdleOff) {
        saidIdleOff = true;
        LOG.warning(
            "idle reclamation is off: no source of GPU utilisation is configured, though a"
                + " policy asks for it");
      }
      return Map.of();
    }
    Map<Duration, Map<String, List<Double>>> means = new HashMap<>();
    for (Duration window : windows(policies)) {
      try {
        means.put(
            window,
            PodMeans.byAttempt(utilisation.meanPercent(window), clusterSettings.namespace()));
      } catch (GpuUtilisationUnavailableException e) {
        LOG.warning(() -> "no idle decisions this round: " + e.getMessage());
      }
    }
    return means;
  }

  private static Set<Duration> windows(Policies policies) {
    List<PolicyLimits> all = new ArrayList<>(policies.byAccount().values());
    all.add(policies.fallback());
    return all.stream()
        .filter(PolicyLimits::idleReclamation)
        .map(PolicyLimits::idleWindow)
        .collect(Collectors.toSet());
  }
}
