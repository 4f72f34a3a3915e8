package org.crater.ejb.job;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crater.ejb.auth.Principal;
import org.crater.model.job.Job;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobPhase;

/**
 * Which jobs to list; every field is optional.
 *
 * @param phase only jobs in this phase
 * @param kind only jobs of this kind
 * @param account only jobs in this account
 * @param since submitted at or after
 * @param until submitted before
 * @param oldestFirst order by submission time ascending instead of newest first
 * @param withArchived archived jobs too (lists leave them out otherwise)
 */
public record JobFilter(
    JobPhase phase,
    JobKind kind,
    String account,
    Instant since,
    Instant until,
    boolean oldestFirst,
    boolean withArchived) {

  /**
   * The filter as criteria on {@code job}, restricted to the caller's own jobs unless an
   * administrator asks for {@code all}.
   */
  Predicate[] where(CriteriaBuilder cb, Root<Job> job, Principal caller, boolean all) {
    List<Predicate> where = new ArrayList<>();
    if (!(all && caller.isAdmin())) {
      where.add(cb.equal(job.get("owner").get("id"), caller.userId()));
    }
    if (phase != null) {
      where.add(cb.equal(job.get("phase"), phase));
    }
    if (kind != null) {
      where.add(cb.equal(job.get("kind"), kind));
    }
    if (account != null) {
      where.add(cb.equal(job.get("account").get("name"), account));
    }
    if (since != null) {
      where.add(cb.greaterThanOrEqualTo(job.get("submittedAt"), since));
    }
    if (until != null) {
      where.add(cb.lessThan(job.get("submittedAt"), until));
    }
    if (!withArchived) {
      where.add(cb.isNull(job.get("archivedAt")));
    }
    return where.toArray(Predicate[]::new);
  }
}
