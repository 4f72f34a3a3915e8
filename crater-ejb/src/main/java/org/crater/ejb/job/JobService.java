package org.crater.ejb.job;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.crater.ejb.account.AccountService;
import org.crater.ejb.auth.Principal;
import org.crater.ejb.common.CraterException;
import org.crater.ejb.common.LogValues;
import org.crater.ejb.dataset.DatasetService;
import org.crater.ejb.dataset.MountGrants;
import org.crater.ejb.node.NodeService;
import org.crater.ejb.usage.AttemptEnds;
import org.crater.model.account.Membership;
import org.crater.model.job.Job;
import org.crater.model.job.JobEvent;
import org.crater.model.job.JobPhase;
import org.crater.model.job.JobRequest;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Submits, reads, cancels and archives jobs. A job belongs to its owner: every id-bearing call
 * loads it by id and owner (administrators may read, cancel and archive any job), so another user's
 * id answers 404. Archiving hides a finished job from lists; counts and its record keep it. One
 * user has at most {@code crater.jobs.max-queued-per-user} jobs queued; beyond, a submission is
 * refused with 429, so one user's backlog cannot grow every admission pass and list without bound.
 */
@Stateless
public class JobService {

  private static final Logger LOG = Logger.getLogger(JobService.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @EJB private AccountService accounts;
  @EJB private NodeService nodes;
  @EJB private DatasetService datasets;
  @Inject private Event<JobsChanged> changed;

  @Inject
  @ConfigProperty(name = "crater.jobs.max-queued-per-user", defaultValue = "500")
  int maxQueuedPerUser;

  /** Queues a job in one of the caller's accounts. */
  public Job submit(Principal caller, String accountName, JobRequest request) {
    Membership membership = accounts.membershipOf(accountName, caller.userId());
    Map<String, String> errors =
        JobRules.check(
            request,
            nodes.gpuModelNames(),
            nodes.shapes(),
            request.mounts().isEmpty() ? MountGrants.NONE : datasets.mountable(caller));
    if (!errors.isEmpty()) {
      throw new InvalidJobException(errors);
    }
    if (request.slo() == Slo.GUARANTEED) {
      requireWithinQuota(request.total(), membership);
    }
    if (queuedOf(caller.userId()) >= maxQueuedPerUser) {
      LOG.info(() -> "refused job user=" + caller.username() + " cause=too-many-queued");
      throw new TooManyQueuedException(maxQueuedPerUser);
    }
    Job job = new Job(membership.getUser(), membership.getAccount(), request, clock.instant());
    em.persist(job);
    em.flush();
    em.persist(job.submitted(caller.username()));
    changed.fire(JobsChanged.of(job.getId()));
    LOG.info(
        () ->
            "submitted job="
                + job.getId()
                + " user="
                + LogValues.of(caller.username())
                + " account="
                + LogValues.of(accountName)
                + " kind="
                + request.kind()
                + " slo="
                + request.slo());
    return job;
  }

  private long queuedOf(long ownerId) {
    return em.createQuery(
            "SELECT COUNT(j) FROM Job j WHERE j.owner.id = :owner AND j.phase = :phase", Long.class)
        .setParameter("owner", ownerId)
        .setParameter("phase", JobPhase.QUEUEING)
        .getSingleResult();
  }

  /** A job of the caller's (any job for an administrator). */
  public Job get(Principal caller, long id) {
    Job job = em.find(Job.class, id);
    if (job == null || !(caller.isAdmin() || job.getOwner().getId() == caller.userId())) {
      throw new JobNotFoundException(id);
    }
    return job;
  }

  public List<JobEvent> events(Principal caller, long id) {
    get(caller, id);
    return em.createNamedQuery(JobEvent.OF_JOB, JobEvent.class)
        .setParameter("jobId", id)
        .getResultList();
  }

  /**
   * The caller's job read afresh and locked until the commit: a user's change waits for the
   * scheduler's or the reconciler's change of the same job instead of failing on it.
   */
  private Job locked(Principal caller, long id) {
    Job job = get(caller, id);
    em.refresh(job, LockModeType.PESSIMISTIC_WRITE);
    return job;
  }

  /** Cancels a job that has not ended; one that has answers 409. */
  public Job cancel(Principal caller, long id) {
    Job job = locked(caller, id);
    if (job.getPhase().isFinal()) {
      throw new CraterException(409, "job-finished", "Job " + id + " has already ended.");
    }
    cancel(caller, job);
    return job;
  }

  /**
   * Cancels a job that has not ended; archives one that has, so lists leave it out (archiving an
   * archived job changes nothing).
   */
  public Job cancelOrArchive(Principal caller, long id) {
    Job job = locked(caller, id);
    if (job.getPhase().isFinal()) {
      archive(caller, job);
    } else {
      cancel(caller, job);
    }
    return job;
  }

  /** Cancels a job that has not ended, then archives it: a v0.1.0 task deletion. */
  public Job cancelAndArchive(Principal caller, long id) {
    Job job = locked(caller, id);
    if (!job.getPhase().isFinal()) {
      cancel(caller, job);
    }
    archive(caller, job);
    return job;
  }

  private void cancel(Principal caller, Job job) {
    JobEvent cancelled = job.cancel(caller.username(), clock.instant());
    em.persist(cancelled);
    AttemptEnds.record(em, job, cancelled);
    changed.fire(JobsChanged.of(job.getId()));
    LOG.info(() -> "cancelled job=" + job.getId() + " by=" + LogValues.of(caller.username()));
  }

  // No JobsChanged: an ended job holds nothing, so neither the scheduler nor the reconciler cares.
  private void archive(Principal caller, Job job) {
    if (!job.isArchived()) {
      em.persist(job.archive(caller.username(), clock.instant()));
      LOG.info(() -> "archived job=" + job.getId() + " by=" + caller.username());
    }
  }

  public Job changeSlo(Principal caller, long id, Slo slo) {
    Job job = locked(caller, id);
    if (job.getPhase() != JobPhase.QUEUEING) {
      throw new CraterException(
          409, "job-not-queued", "Only a queued job can change its service level.");
    }
    if (slo == Slo.GUARANTEED) {
      Membership membership =
          accounts.membershipOf(job.getAccount().getName(), job.getOwner().getId());
      requireWithinQuota(job.total(), membership);
    }
    job.changeSlo(slo);
    changed.fire(JobsChanged.of(id));
    return job;
  }

  /** Guaranteed work larger than the member's whole quota could never be admitted. */
  private static void requireWithinQuota(ResourceVector total, Membership membership) {
    if (!total.fitsWithin(membership.getQuota())) {
      throw new QuotaExceededException(
          "Guaranteed jobs must fit your quota in "
              + membership.getAccount().getName()
              + "; this one needs more "
              + String.join(", ", total.exceeding(membership.getQuota()))
              + " than your whole quota. Ask for more quota or run it as BEST_EFFORT.");
    }
  }

  /**
   * The caller's jobs (everyone's for {@code all} by an administrator), one page; archived jobs
   * only when the filter asks for them.
   */
  public JobPage list(Principal caller, boolean all, JobFilter filter, int offset, int limit) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Job> select = cb.createQuery(Job.class);
    Root<Job> job = select.from(Job.class);
    var submitted = job.<java.time.Instant>get("submittedAt");
    select
        .where(filter.where(cb, job, caller, all))
        .orderBy(
            filter.oldestFirst() ? cb.asc(submitted) : cb.desc(submitted), cb.desc(job.get("id")));
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<Job> counted = count.from(Job.class);
    count.select(cb.count(counted)).where(filter.where(cb, counted, caller, all));
    TypedQuery<Job> page = em.createQuery(select).setFirstResult(offset).setMaxResults(limit);
    return new JobPage(page.getResultList(), em.createQuery(count).getSingleResult());
  }

  /**
   * How many of the caller's jobs (everyone's for {@code all} by an administrator) are in each
   * phase, archived ones included or not.
   */
  public Map<JobPhase, Long> statistics(Principal caller, boolean all, boolean withArchived) {
    return countByPhase(all && caller.isAdmin() ? null : caller.userId(), withArchived);
  }

  /**
   * How many jobs of one owner, or of everyone for {@code null}, are in each phase, archived ones
   * included or not; zeros included.
   */
  public Map<JobPhase, Long> countByPhase(Long ownerId, boolean withArchived) {
    Map<JobPhase, Long> counts = new EnumMap<>(JobPhase.class);
    for (JobPhase phase : JobPhase.values()) {
      counts.put(phase, 0L);
    }
    List<String> where = new ArrayList<>();
    if (ownerId != null) {
      where.add("j.owner.id = :owner");
    }
    if (!withArchived) {
      where.add("j.archivedAt IS NULL");
    }
    String jpql =
        "SELECT j.phase, COUNT(j) FROM Job j"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " GROUP BY j.phase";
    var query = em.createQuery(jpql, Object[].class);
    if (ownerId != null) {
      query.setParameter("owner", ownerId);
    }
    query.getResultList().forEach(row -> counts.put((JobPhase) row[0], (Long) row[1]));
    return counts;
  }

  /**
   * How many jobs wait in each account's queues, by account name, accounts without any left out:
   * every account for an administrator, the caller's own accounts for anyone else.
   */
  public Map<String, Long> queuedByAccount(Principal caller) {
    Map<String, Long> counts = new TreeMap<>();
    var query =
        em.createQuery(
                "SELECT j.account.name, COUNT(j) FROM Job j WHERE j.phase = :phase"
                    + (caller.isAdmin()
                        ? ""
                        : " AND j.account.id IN (SELECT m.account.id FROM Membership m"
                            + " WHERE m.user.id = :user)")
                    + " GROUP BY j.account.name",
                Object[].class)
            .setParameter("phase", JobPhase.QUEUEING);
    if (!caller.isAdmin()) {
      query.setParameter("user", caller.userId());
    }
    query.getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
    return counts;
  }

  /** How many jobs wait, in every account. */
  public long queuedInAll() {
    return em.createQuery("SELECT COUNT(j) FROM Job j WHERE j.phase = :phase", Long.class)
        .setParameter("phase", JobPhase.QUEUEING)
        .getSingleResult();
  }
}
