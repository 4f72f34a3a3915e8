package org.crater.ejb.reconcile;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.crater.ejb.job.JobsChanged;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.model.job.Job;
import org.crater.model.job.JobEvent;
import org.crater.model.job.JobPhase;

/**
 * The reconciler's database side. Every method is one short transaction, so none is ever held
 * across a call to the cluster; each re-reads the job and acts only when its attempt still matches.
 */
@Stateless
public class JobRecords {

  private static final Logger LOG = Logger.getLogger(JobRecords.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private Event<JobsChanged> changed;

  /** The job's phase and attempt as they are now (one small query), or empty for no such job. */
  public Optional<JobState> state(long id) {
    return em.createQuery("SELECT j.phase, j.attempt FROM Job j WHERE j.id = :id", Object[].class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .map(row -> new JobState(id, (JobPhase) row[0], (Integer) row[1]));
  }

  /** What the job's current attempt is built from, or empty for no such job. */
  public Optional<WorkloadSpec> spec(long id) {
    return em.createQuery(
            "SELECT j FROM Job j JOIN FETCH j.owner JOIN FETCH j.account WHERE j.id = :id",
            Job.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .map(JobSpecs::of);
  }

  /**
   * Records what the cluster shows for the job's current attempt; returns the job's phase after
   * that, or empty for no such job.
   */
  public Optional<JobPhase> record(ObservedWorkload seen) {
    Job job = em.find(Job.class, seen.jobId());
    if (job == null) {
      return Optional.empty();
    }
    List<JobEvent> events = Observations.apply(job, seen, clock.instant());
    if (!events.isEmpty()) {
      events.forEach(em::persist);
      changed.fire(JobsChanged.observed(job.getId()));
      LOG.info(() -> "job=" + job.getId() + " phase=" + job.getPhase() + " by=cluster");
    }
    return Optional.of(job.getPhase());
  }

  /** Puts a preempted job whose objects are gone back in its queue as the next attempt. */
  public void requeue(long id, int attempt) {
    Job job = em.find(Job.class, id);
    if (job != null && job.getPhase() == JobPhase.PREEMPTED && job.getAttempt() == attempt) {
      em.persist(job.requeue(Observations.ACTOR, clock.instant()));
      changed.fire(JobsChanged.observed(id));
      LOG.info(() -> "requeued job=" + id + " attempt=" + job.getAttempt());
    }
  }

  /** Fails an admitted job whose objects the cluster refuses to create. */
  public void reject(long id, int attempt, String message) {
    Job job = em.find(Job.class, id);
    if (job != null && job.getPhase() == JobPhase.CREATED && job.getAttempt() == attempt) {
      em.persist(job.fail("Rejected", message, Observations.ACTOR, clock.instant()));
      changed.fire(JobsChanged.observed(id));
      LOG.warning(() -> "cluster rejected job=" + id + ": " + message);
    }
  }

  /** Ids of the jobs whose cluster objects may need work: admitted, running or preempted. */
  public List<Long> unfinished() {
    return em.createQuery("SELECT j.id FROM Job j WHERE j.phase IN :phases", Long.class)
        .setParameter(
            "phases",
            List.of(JobPhase.CREATED, JobPhase.PENDING, JobPhase.RUNNING, JobPhase.PREEMPTED))
        .getResultList();
  }
}
