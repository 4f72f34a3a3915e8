package org.crater.ejb.scheduler;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.crater.ejb.job.JobsChanged;
import org.crater.ejb.node.LeaderFence;
import org.crater.ejb.usage.AttemptEnds;
import org.crater.ejb.usage.MonthlyGpuHours;
import org.crater.model.job.Job;
import org.crater.model.job.JobEvent;
import org.crater.model.job.JobPhase;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;

/**
 * The scheduler's database side: reads the jobs it keeps in its book (all at start, then only those
 * that changed) and the limits, never one query per job, and commits a plan, re-checking every job
 * it changes.
 */
@Stateless
public class SchedulerStore {

  private static final Logger LOG = Logger.getLogger(SchedulerStore.class.getName());
  private static final String ACTOR = "scheduler";
  private static final int CHUNK = 500;

  private static final String ROWS =
      "SELECT j.id, j.attempt, j.owner.id, j.account.id, j.slo, j.resources, j.replicas,"
          + " j.gpuModel, j.submittedAt, j.startedAt, j.phase FROM Job j WHERE ";

  @PersistenceContext private EntityManager em;
  @Inject private Event<JobsChanged> changed;
  @EJB private LeaderFence fence;

  /** The container's constructor; it injects the fields. */
  public SchedulerStore() {}

  /** A store on these collaborators (tests). */
  SchedulerStore(EntityManager em, Event<JobsChanged> changed, LeaderFence fence) {
    this.em = em;
    this.changed = changed;
    this.fence = fence;
  }

  /**
   * Quotas and expiry, read in one transaction so they agree.
   *
   * @param members every member's quota
   * @param accounts every account's quota and expiry
   */
  public record Limits(List<MemberLimit> members, List<AccountLimit> accounts) {}

  /** Every job the scheduler keeps in its book: queued or holding resources. One query. */
  public List<JobRow> active() {
    return rows(
        em.createQuery(ROWS + "j.phase IN :phases", Object[].class)
            .setParameter("phases", JobPhase.scheduled()));
  }

  /** The jobs with these ids as they are now, in any phase; one query per 500 ids. */
  public List<JobRow> byIds(Collection<Long> ids) {
    List<Long> all = List.copyOf(ids);
    List<JobRow> rows = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      rows.addAll(
          rows(
              em.createQuery(ROWS + "j.id IN :ids", Object[].class)
                  .setParameter("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))));
    }
    return rows;
  }

  /**
   * Every member's and every account's limits, with the GPU-hours used this month (as of {@code
   * now}) by the accounts that have a budget: three queries.
   */
  public Limits limits(Instant now) {
    List<MemberLimit> members =
        em
            .createQuery(
                "SELECT m.user.id, m.account.id, m.quota FROM Membership m", Object[].class)
            .getResultList()
            .stream()
            .map(r -> new MemberLimit((Long) r[0], (Long) r[1], (ResourceVector) r[2]))
            .toList();
    List<Object[]> rows =
        em.createQuery(
                "SELECT a.id, a.name, a.quota, a.expiresAt, a.monthlyGpuHours FROM Account a",
                Object[].class)
            .getResultList();
    Map<String, BigDecimal> used =
        MonthlyGpuHours.of(
            em, rows.stream().filter(r -> r[4] != null).map(r -> (String) r[1]).toList(), now);
    List<AccountLimit> accounts =
        rows.stream()
            .map(
                r ->
                    new AccountLimit(
                        (Long) r[0],
                        (String) r[1],
                        (ResourceVector) r[2],
                        (Instant) r[3],
                        (BigDecimal) r[4],
                        used.getOrDefault((String) r[1], BigDecimal.ZERO)))
            .toList();
    return new Limits(members, accounts);
  }

  private static List<JobRow> rows(TypedQuery<Object[]> query) {
    return query.getResultList().stream()
        .map(
            r ->
                new JobRow(
                    (Long) r[0],
                    (Integer) r[1],
                    (Long) r[2],
                    (Long) r[3],
                    (Slo) r[4],
                    (ResourceVector) r[5],
                    (Integer) r[6],
                    (String) r[7],
                    (Instant) r[8],
                    (Instant) r[9],
                    (JobPhase) r[10]))
        .toList();
  }

  /**
   * Admits as planned, in one transaction, each job together with the preemption of the jobs that
   * make room for it, under the leadership {@code epoch} (fenced: the transaction fails when
   * another replica leads). A job that moved since the snapshot (cancelled, changed, already
   * admitted) is skipped and so are its victims; the next pass sees it as it is now.
   *
   * @return how many jobs were admitted
   */
  public int apply(AdmissionPlan plan, Instant now, long epoch) {
    List<Long> ids = new ArrayList<>(plan.admitted().stream().map(QueuedJob::id).toList());
    plan.preempted().forEach(p -> ids.add(p.victim().id()));
    return commit(plan, load(ids), now, epoch);
  }

  /**
   * The body of {@link #apply}, on the plan's jobs as they are now ({@code jobs}, by id; a job
   * absent is gone).
   */
  int commit(AdmissionPlan plan, Map<Long, Job> jobs, Instant now, long epoch) {
    Map<Long, List<HeldJob>> victimsFor = new HashMap<>();
    plan.preempted()
        .forEach(
            p -> victimsFor.computeIfAbsent(p.forJob(), id -> new ArrayList<>()).add(p.victim()));
    Set<Long> moved = new HashSet<>();
    for (QueuedJob q : plan.admitted()) {
      Job job = jobs.get(q.id());
      if (job == null
          || job.getPhase() != JobPhase.QUEUEING
          || job.getAttempt() != q.attempt()
          || job.getSlo() != q.slo()) {
        continue;
      }
      for (HeldJob planned : victimsFor.getOrDefault(q.id(), List.of())) {
        Job victim = jobs.get(planned.id());
        if (victim != null
            && victim.getPhase().holdsQuota()
            && victim.getAttempt() == planned.attempt()) {
          JobEvent preempted =
              victim
                  .preempt(
                      "PreemptedForGuaranteed", "room for guaranteed job " + q.id(), ACTOR, now)
                  .underEpoch(epoch);
          em.persist(preempted);
          AttemptEnds.record(em, victim, preempted);
          moved.add(planned.id());
        }
      }
      em.persist(job.admit(ACTOR, now).underEpoch(epoch));
      moved.add(q.id());
    }
    if (moved.isEmpty()) {
      return 0;
    }
    fence.check(epoch);
    changed.fire(JobsChanged.of(moved));
    int admitted = (int) plan.admitted().stream().filter(q -> moved.contains(q.id())).count();
    LOG.fine(() -> "applied plan admitted=" + admitted + " moved=" + moved.size());
    return admitted;
  }

  private Map<Long, Job> load(List<Long> ids) {
    Map<Long, Job> jobs = new HashMap<>();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      List<Long> chunk = new ArrayList<>(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
      em.createQuery("SELECT j FROM Job j WHERE j.id IN :ids", Job.class)
          .setParameter("ids", chunk)
          .getResultList()
          .forEach(j -> jobs.put(j.getId(), j));
    }
    return jobs;
  }
}
