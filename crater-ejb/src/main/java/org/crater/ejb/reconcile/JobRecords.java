package org.crater.ejb.reconcile;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.crater.ejb.common.LogValues;
import org.crater.ejb.job.JobsChanged;
import org.crater.ejb.node.LeaderFence;
import org.crater.ejb.usage.AttemptEnds;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.model.job.Job;
import org.crater.model.job.JobEvent;
import org.crater.model.job.JobPhase;

/**
 * The reconciler's database side. Every method is one short transaction, so none is ever held
 * across a call to the cluster; each re-reads the job and acts only when its attempt still matches.
 * Writes are made as leader, under its epoch: each checks it last ({@link LeaderFence}).
 */
@Stateless
public class JobRecords {

  private static final Logger LOG = Logger.getLogger(JobRecords.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private Event<JobsChanged> changed;
  @EJB private LeaderFence fence;

  /**
   * The jobs' phases, attempts and finishing times as they are now (one small query), by id;
   * unknown ids absent.
   */
  public Map<Long, JobState> states(Collection<Long> ids) {
    return em.createQuery(
            "SELECT j.id, j.phase, j.attempt, j.finishedAt FROM Job j WHERE j.id IN :ids",
            Object[].class)
        .setParameter("ids", ids)
        .getResultStream()
        .map(
            row ->
                new JobState((Long) row[0], (JobPhase) row[1], (Integer) row[2], (Instant) row[3]))
        .collect(Collectors.toMap(JobState::id, state -> state));
  }

  /**
   * What the job's attempt is built from, while that attempt is admitted and its objects not yet
   * seen: empty otherwise (no such job, cancelled, preempted, a later attempt), so no object is
   * created for an attempt no longer meant to run.
   */
  public Optional<WorkloadSpec> spec(long id, int attempt) {
    return em.createQuery(
            "SELECT j FROM Job j JOIN FETCH j.owner JOIN FETCH j.account"
                + " WHERE j.id = :id AND j.attempt = :attempt AND j.phase = :phase",
            Job.class)
        .setParameter("id", id)
        .setParameter("attempt", attempt)
        .setParameter("phase", JobPhase.CREATED)
        .getResultStream()
        .findFirst()
        .map(JobSpecs::of);
  }

  /**
   * Records what the cluster shows for the jobs' current attempts, all in one transaction; returns
   * each job's phase after that (unknown jobs absent).
   */
  public Map<Long, JobPhase> record(Collection<ObservedWorkload> observed, long epoch) {
    Map<Long, ObservedWorkload> byJob =
        observed.stream().collect(Collectors.toMap(ObservedWorkload::jobId, seen -> seen));
    Map<Long, JobPhase> phases = new HashMap<>();
    Set<Long> moved = new HashSet<>();
    Instant now = clock.instant();
    for (Job job :
        em.createQuery("SELECT j FROM Job j WHERE j.id IN :ids", Job.class)
            .setParameter("ids", byJob.keySet())
            .getResultList()) {
      List<JobEvent> events = Observations.apply(job, byJob.get(job.getId()), now);
      if (!events.isEmpty()) {
        events.forEach(event -> em.persist(event.underEpoch(epoch)));
        events.forEach(event -> AttemptEnds.record(em, job, event));
        moved.add(job.getId());
        LOG.info(() -> "job=" + job.getId() + " phase=" + job.getPhase() + " by=cluster");
      }
      phases.put(job.getId(), job.getPhase());
    }
    if (!moved.isEmpty()) {
      fence.check(epoch);
      changed.fire(JobsChanged.observed(moved));
    }
    return phases;
  }

  /** Puts a preempted job whose objects are gone back in its queue as the next attempt. */
  public void requeue(long id, int attempt, long epoch) {
    Job job = em.find(Job.class, id);
    if (job != null && job.getPhase() == JobPhase.PREEMPTED && job.getAttempt() == attempt) {
      em.persist(job.requeue(Observations.ACTOR, clock.instant()).underEpoch(epoch));
      fence.check(epoch);
      changed.fire(JobsChanged.observed(Set.of(id)));
      LOG.info(() -> "requeued job=" + id + " attempt=" + job.getAttempt());
    }
  }

  /**
   * Fails an admitted job whose objects the cluster refuses to create, with the cluster's words as
   * its reason; its quota is free from then on.
   */
  public void reject(long id, int attempt, String message, long epoch) {
    Job job = em.find(Job.class, id);
    if (job != null && job.getPhase() == JobPhase.CREATED && job.getAttempt() == attempt) {
      JobEvent rejected =
          job.fail("Rejected", message, Observations.ACTOR, clock.instant()).underEpoch(epoch);
      em.persist(rejected);
      AttemptEnds.record(em, job, rejected);
      fence.check(epoch);
      changed.fire(JobsChanged.observed(Set.of(id)));
      LOG.warning(
          () ->
              "cluster rejected job="
                  + id
                  + " attempt="
                  + attempt
                  + " message="
                  + LogValues.of(message));
    }
  }

  /** Ids of the jobs whose cluster objects may need work: admitted, running or preempted. */
  public List<Long> unfinished() {
    return em.createQuery("SELECT j.id FROM Job j WHERE j.phase IN :phases", Long.class)
        .setParameter("phases", JobPhase.onCluster())
        .getResultList();
  }
}
