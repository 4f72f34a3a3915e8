package org.crater.ejb.policy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.crater.ejb.auth.Principal;
import org.crater.ejb.common.CraterException;
import org.crater.ejb.common.LogValues;
import org.crater.ejb.job.JobService;
import org.crater.model.job.Job;
import org.crater.model.job.JobPhase;
import org.crater.model.job.PolicyReason;
import org.crater.model.policy.Extension;
import org.crater.model.policy.ExtensionState;
import org.crater.model.policy.JobPolicyState;
import org.crater.model.policy.PolicyLimits;

/**
 * Owners' requests for more run time and their decisions. A request is for a running job that has a
 * run-time limit or a warning, at most one pending per job; the account's policy approves it at
 * once while the job's auto-approved hours stay within {@code autoApproveHours}, an administrator
 * decides the rest. Approved hours move the run-time deadline, and an approval withdraws a standing
 * idle warning (the owner has said the job is wanted: idle reclamation warns again before a stop).
 * Every step is an event in the job's timeline. Another user's job answers 404.
 */
@Stateless
public class ExtensionService {

  private static final Logger LOG = Logger.getLogger(ExtensionService.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private PolicySettings settings;
  @EJB private JobService jobs;
  @EJB private PolicyStore store;

  /** Asks for {@code hours} more for the caller's running job. */
  public Extension request(Principal caller, long jobId, Integer hours, String reason) {
    check(hours, reason);
    Job job = jobs.get(caller, jobId);
    em.refresh(job, LockModeType.PESSIMISTIC_WRITE);
    if (job.getPhase() != JobPhase.RUNNING) {
      throw new CraterException(
          409, "job-not-running", "Only a running job can be given more time.");
    }
    PolicyLimits limits = store.policies().of(job.getAccount().getId());
    JobPolicyState marks = em.find(JobPolicyState.class, jobId);
    if (limits.maxRun(job.getKind().interactive()) == null && !warned(marks, job)) {
      throw new CraterException(
          409, "no-limit", "Job " + jobId + " has no run-time limit and no warning to extend.");
    }
    if (!of(jobId, ExtensionState.PENDING).isEmpty()) {
      throw new CraterException(
          409, "extension-pending", "Job " + jobId + " already has a request waiting.");
    }
    Instant now = clock.instant();
    Extension extension = new Extension(jobId, hours, reason.strip(), caller.username(), now);
    em.persist(extension);
    em.persist(
        job.note(
            PolicyReason.EXTENSION_REQUESTED.code(),
            hours + " h: " + reason.strip(),
            caller.username(),
            now));
    LOG.info(() -> "extension requested job=" + jobId + " hours=" + hours);
    if (withinAutoApproval(jobId, hours, limits)) {
      decide(job, extension, true, Extension.POLICY_ACTOR, autoMessage(limits), now);
    }
    return extension;
  }

  /** The extension requests of a job of the caller's, oldest first. */
  public List<Extension> ofJob(Principal caller, long jobId) {
    jobs.get(caller, jobId);
    return em.createNamedQuery(Extension.OF_JOB, Extension.class)
        .setParameter("jobId", jobId)
        .getResultList();
  }

  /** Every request in {@code state} ({@code null}: every request), oldest first; for admins. */
  public List<Extension> list(ExtensionState state) {
    return state == null
        ? em.createNamedQuery(Extension.ALL, Extension.class).setMaxResults(1000).getResultList()
        : em.createNamedQuery(Extension.IN_STATE, Extension.class)
            .setParameter("state", state)
            .setMaxResults(1000)
            .getResultList();
  }

  /** An administrator approves or rejects a pending request of a job that has not ended. */
  public Extension decide(Principal admin, long id, boolean approve, String message) {
    Extension extension = em.find(Extension.class, id);
    if (extension == null) {
      throw new CraterException(404, "not-found", "No extension request " + id + ".");
    }
    Job job = jobs.get(admin, extension.getJobId());
    em.refresh(job, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(extension);
    if (extension.getState() != ExtensionState.PENDING) {
      throw new CraterException(
          409, "extension-decided", "Extension request " + id + " has been decided already.");
    }
    if (job.getPhase().isFinal()) {
      throw new CraterException(409, "job-finished", "Job " + job.getId() + " has ended.");
    }
    decide(job, extension, approve, admin.username(), message, clock.instant());
    return extension;
  }

  private void decide(
      Job job, Extension extension, boolean approve, String actor, String message, Instant now) {
    extension.decide(approve, actor, message, now);
    PolicyReason reason =
        approve ? PolicyReason.EXTENSION_APPROVED : PolicyReason.EXTENSION_REJECTED;
    String text = extension.getHours() + " h" + (message == null ? "" : ": " + message);
    em.persist(job.note(reason.code(), text, actor, now));
    if (approve) {
      JobPolicyState marks = em.find(JobPolicyState.class, job.getId());
      if (marks != null) {
        marks.idleCleared();
      }
    }
    LOG.info(
        () ->
            "extension "
                + extension.getState()
                + " job="
                + job.getId()
                + " by="
                + LogValues.of(actor));
  }

  private boolean withinAutoApproval(long jobId, int hours, PolicyLimits limits) {
    Integer allowed = limits.autoApproveHours();
    if (allowed == null) {
      return false;
    }
    long used =
        of(jobId, ExtensionState.APPROVED).stream()
            .filter(Extension::isAutoApproved)
            .mapToLong(Extension::getHours)
            .sum();
    return used + hours <= allowed;
  }

  private static String autoMessage(PolicyLimits limits) {
    return "approved by the account's policy (up to " + limits.autoApproveHours() + " h per job)";
  }

  private static boolean warned(JobPolicyState marks, Job job) {
    return marks != null
        && marks.getAttempt() == job.getAttempt()
        && (marks.getIdleWarnedAt() != null || marks.getRunWarnedDeadline() != null);
  }

  private List<Extension> of(long jobId, ExtensionState state) {
    return em.createNamedQuery(Extension.OF_JOB, Extension.class)
        .setParameter("jobId", jobId)
        .getResultStream()
        .filter(extension -> extension.getState() == state)
        .toList();
  }

  private void check(Integer hours, String reason) {
    Map<String, String> errors = new java.util.TreeMap<>();
    if (hours == null || hours < 1 || hours > settings.maxExtensionHours()) {
      errors.put("hours", "must be a whole number from 1 to " + settings.maxExtensionHours());
    }
    if (reason == null || reason.isBlank()) {
      errors.put("reason", "must say why the job needs more time");
    } else if (reason.strip().length() > 1024) {
      errors.put("reason", "must be at most 1024 characters");
    }
    if (!errors.isEmpty()) {
      throw new InvalidPolicyException(
          "invalid-extension", "The extension request is not valid.", errors);
    }
  }
}
