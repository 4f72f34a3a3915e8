package org.crater.ejb.policy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.crater.ejb.job.JobNames;
import org.crater.ejb.job.JobsChanged;
import org.crater.ejb.node.LeaderFence;
import org.crater.ejb.quota.QuotaCharge;
import org.crater.ejb.usage.AttemptEnds;
import org.crater.model.job.Job;
import org.crater.model.job.JobEvent;
import org.crater.model.job.JobPhase;
import org.crater.model.job.PolicyReason;
import org.crater.model.policy.ExtensionState;
import org.crater.model.policy.JobPolicyState;
import org.crater.model.policy.Policy;
import org.crater.model.policy.PolicyLimits;

/**
 * The policy checks' database side. {@link #candidates} reads what a check looks at; {@link #apply}
 * re-decides one job under its row lock and writes the outcome as the leader, fenced by its epoch
 * (checked last), so a deposed leader writes nothing and a repeated check changes nothing.
 */
@Stateless
public class PolicyStore {

  /** Who the timeline names for what the policies do. */
  public static final String ACTOR = "policy";

  private static final Logger LOG = Logger.getLogger(PolicyStore.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private Event<JobsChanged> changed;
  @EJB private LeaderFence fence;

  /** Every policy as stored now. */
  public Policies policies() {
    PolicyLimits fallback = PolicyLimits.NONE;
    Map<Long, PolicyLimits> byAccount = new HashMap<>();
    for (Policy policy : em.createNamedQuery(Policy.ALL, Policy.class).getResultList()) {
      if (policy.getAccount() == null) {
        fallback = policy.limits();
      } else {
        byAccount.put(policy.getAccount().getId(), policy.limits());
      }
    }
    return new Policies(fallback, byAccount);
  }

  /** The queued and running jobs with their accounts' ids, as the checks see them. */
  public List<Candidate> candidates() {
    List<Job> jobs =
        em.createQuery("SELECT j FROM Job j WHERE j.phase IN :phases", Job.class)
            .setParameter("phases", Set.of(JobPhase.QUEUEING, JobPhase.RUNNING))
            .getResultList();
    if (jobs.isEmpty()) {
      return List.of();
    }
    List<Long> ids = jobs.stream().map(Job::getId).toList();
    Map<Long, Long> hours = approvedHours(ids);
    Map<Long, JobPolicyState> marks = marks(ids);
    Map<Long, Instant> requeued = requeuedAt(jobs);
    List<Candidate> candidates = new ArrayList<>();
    for (Job job : jobs) {
      JobFacts facts = facts(job, hours.getOrDefault(job.getId(), 0L), requeued);
      candidates.add(
          new Candidate(
              facts, job.getAccount().getId(), marks.get(job.getId()), JobNames.clusterName(job)));
    }
    return candidates;
  }

  /**
   * Decides again for the job under its row lock (it may have moved since the candidates were read)
   * and records the outcome; returns what was done.
   */
  public PolicyOutcome apply(long jobId, int attempt, List<Double> podMeans, long epoch) {
    Job job = em.find(Job.class, jobId);
    if (job == null) {
      return PolicyOutcome.NOTHING;
    }
    em.refresh(job, LockModeType.PESSIMISTIC_WRITE); // as fresh as the lock: requests wait on it
    if (job.getAttempt() != attempt || job.getPhase().isFinal()) {
      return PolicyOutcome.NOTHING;
    }
    Instant now = clock.instant();
    PolicyLimits limits = policies().of(job.getAccount().getId());
    JobPolicyState marks = em.find(JobPolicyState.class, jobId);
    Map<Long, Instant> requeued = requeuedAt(List.of(job));
    JobFacts facts = facts(job, approvedHours(List.of(jobId)).getOrDefault(jobId, 0L), requeued);
    List<PolicyAction> actions = PolicyDecisions.decide(facts, limits, marks, podMeans, now);
    if (actions.isEmpty()) {
      return PolicyOutcome.NOTHING;
    }
    if (marks == null) {
      marks = new JobPolicyState(jobId, attempt);
      em.persist(marks);
    }
    marks.startAttempt(attempt);
    Duration idleHeld = idleHeld(marks, limits, actions, now);
    for (PolicyAction action : actions) {
      record(job, marks, action, now, epoch);
    }
    fence.check(epoch);
    if (actions.stream().anyMatch(PolicyAction::stops)) {
      changed.fire(JobsChanged.of(jobId));
    }
    return new PolicyOutcome(actions, facts.gpus() * facts.replicas(), idleHeld);
  }

  private static Duration idleHeld(
      JobPolicyState marks, PolicyLimits limits, List<PolicyAction> actions, Instant now) {
    boolean reclaimed =
        actions.stream().anyMatch(action -> action.reason() == PolicyReason.IDLE_RECLAIMED);
    if (!reclaimed || marks.getIdleWarnedAt() == null) {
      return Duration.ZERO;
    }
    return Duration.between(marks.getIdleWarnedAt(), now).plus(limits.idleWindow());
  }

  private void record(Job job, JobPolicyState marks, PolicyAction action, Instant now, long epoch) {
    PolicyReason reason = action.reason();
    if (reason == null) {
      marks.idleCleared();
      LOG.info(() -> "idle warning withdrawn job=" + job.getId() + ": its GPUs are in use");
      return;
    }
    if (action.stops()) {
      JobEvent stopped = job.cancel(reason.code(), action.message(), ACTOR, now).underEpoch(epoch);
      em.persist(stopped);
      AttemptEnds.record(em, job, stopped);
    } else {
      em.persist(job.note(reason.code(), action.message(), ACTOR, now).underEpoch(epoch));
      switch (reason) {
        case RUN_TIME_WARNING -> marks.runWarned(action.deadline());
        case IDLE_WARNING -> marks.idleWarned(now);
        default -> marks.queueWarned();
      }
    }
    LOG.info(() -> "policy job=" + job.getId() + " reason=" + reason.code());
  }

  private static JobFacts facts(Job job, long approvedHours, Map<Long, Instant> requeued) {
    return new JobFacts(
        job.getId(),
        job.getAttempt(),
        job.getPhase(),
        job.getKind().interactive(),
        job.getResources().get(QuotaCharge.GPU),
        job.getReplicas(),
        job.getStartedAt(),
        requeued.getOrDefault(job.getId(), job.getSubmittedAt()),
        approvedHours);
  }

  /** Approved extension hours, by job. */
  public Map<Long, Long> approvedHours(Collection<Long> ids) {
    Map<Long, Long> hours = new HashMap<>();
    em.createQuery(
            "SELECT e.jobId, SUM(e.hours) FROM Extension e WHERE e.state = :state"
                + " AND e.jobId IN :ids GROUP BY e.jobId",
            Object[].class)
        .setParameter("state", ExtensionState.APPROVED)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(row -> hours.put((Long) row[0], ((Number) row[1]).longValue()));
    return hours;
  }

  private Map<Long, JobPolicyState> marks(Collection<Long> ids) {
    Map<Long, JobPolicyState> marks = new HashMap<>();
    em.createQuery("SELECT s FROM JobPolicyState s WHERE s.jobId IN :ids", JobPolicyState.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(state -> marks.put(state.getJobId(), state));
    return marks;
  }

  /** When the queued jobs that are a later attempt entered their queue again, by job. */
  private Map<Long, Instant> requeuedAt(Collection<Job> jobs) {
    List<Long> ids =
        jobs.stream()
            .filter(job -> job.getPhase() == JobPhase.QUEUEING && job.getAttempt() > 1)
            .map(Job::getId)
            .toList();
    Map<Long, Instant> since = new HashMap<>();
    if (ids.isEmpty()) {
      return since;
    }
    em.createQuery(
            "SELECT e.jobId, MAX(e.at) FROM JobEvent e WHERE e.to = :phase AND e.jobId IN :ids"
                + " GROUP BY e.jobId",
            Object[].class)
        .setParameter("phase", JobPhase.QUEUEING)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(row -> since.put((Long) row[0], (Instant) row[1]));
    return since;
  }
}
