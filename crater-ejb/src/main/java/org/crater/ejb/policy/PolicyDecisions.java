package org.crater.ejb.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crater.model.job.JobPhase;
import org.crater.model.job.PolicyReason;
import org.crater.model.policy.JobPolicyState;
import org.crater.model.policy.PolicyLimits;

/**
 * What the policies do to one job at one check: pure, so a restart or a new leader that checks
 * again decides the same from the same stored marks. A warning is given once per cause (a run-time
 * deadline, an idle period, a stay in the queue); a stop ends the decision. Missing utilisation
 * data never stops a job.
 */
public final class PolicyDecisions {

  private PolicyDecisions() {}

  /**
   * The actions due for {@code job} under {@code limits} at {@code now}.
   *
   * @param marks what was done to the job's attempt so far ({@code null}: nothing yet)
   * @param podMeans the mean GPU utilisation of each of the attempt's pods over the idle window
   *     that the source has data for; {@code null} when there is none to go by (no source, or it
   *     did not answer)
   */
  public static List<PolicyAction> decide(
      JobFacts job, PolicyLimits limits, JobPolicyState marks, List<Double> podMeans, Instant now) {
    JobPolicyState current =
        marks == null || marks.getAttempt() != job.attempt()
            ? new JobPolicyState(job.id(), job.attempt())
            : marks;
    List<PolicyAction> actions = new ArrayList<>();
    if (job.phase() == JobPhase.QUEUEING) {
      queue(job, limits, current, now, actions);
    } else if (job.phase() == JobPhase.RUNNING) {
      runTime(job, limits, current, now, actions);
      if (actions.stream().noneMatch(PolicyAction::stops)) {
        idle(job, limits, current, podMeans, now, actions);
      }
    }
    return actions;
  }

  /** The deadline of the job's run, approved extensions included; {@code null} without a limit. */
  public static Instant runDeadline(JobFacts job, PolicyLimits limits) {
    Duration limit = limits.maxRun(job.interactive());
    if (limit == null || job.startedAt() == null) {
      return null;
    }
    return job.startedAt().plus(limit).plus(Duration.ofHours(job.approvedHours()));
  }

  private static void runTime(
      JobFacts job,
      PolicyLimits limits,
      JobPolicyState marks,
      Instant now,
      List<PolicyAction> actions) {
    Instant deadline = runDeadline(job, limits);
    if (deadline == null) {
      return;
    }
    Duration limit = limits.maxRun(job.interactive());
    String extended =
        job.approvedHours() == 0 ? "" : " plus " + job.approvedHours() + " h of extensions";
    if (!now.isBefore(deadline)) {
      actions.add(
          new PolicyAction(
              PolicyReason.RUN_TIME_EXCEEDED,
              "Stopped: it ran past its run-time limit of " + limit + extended + ".",
              deadline));
    } else if (!now.isBefore(deadline.minus(limits.warningBefore(limit)))
        && !deadline.equals(marks.getRunWarnedDeadline())) {
      actions.add(
          new PolicyAction(
              PolicyReason.RUN_TIME_WARNING,
              "It will be stopped at "
                  + deadline
                  + ", its run-time limit of "
                  + limit
                  + extended
                  + "; ask for an extension to run longer.",
              deadline));
    }
  }

  private static void idle(
      JobFacts job,
      PolicyLimits limits,
      JobPolicyState marks,
      List<Double> podMeans,
      Instant now,
      List<PolicyAction> actions) {
    if (!limits.idleReclamation() || job.gpus() == 0 || podMeans == null) {
      return;
    }
    if (job.startedAt() == null || job.startedAt().plus(limits.idleWindow()).isAfter(now)) {
      return; // not a whole window of running yet
    }
    if (podMeans.size() < job.replicas()) {
      return; // some pods have no data: never stop on missing data
    }
    boolean idle = podMeans.stream().allMatch(mean -> mean < limits.idlePercent());
    Instant warnedAt = marks.getIdleWarnedAt();
    if (!idle) {
      if (warnedAt != null) {
        actions.add(PolicyAction.IDLE_CLEARED);
      }
    } else if (warnedAt == null) {
      actions.add(
          new PolicyAction(
              PolicyReason.IDLE_WARNING,
              "Its GPUs were below "
                  + limits.idlePercent()
                  + " % utilisation over the last "
                  + limits.idleWindow()
                  + "; it will be stopped after "
                  + limits.idleGrace()
                  + " unless they are used.",
              null));
    } else if (!now.isBefore(warnedAt.plus(limits.idleGrace()))) {
      actions.add(
          new PolicyAction(
              PolicyReason.IDLE_RECLAIMED,
              "Stopped: its GPUs stayed below "
                  + limits.idlePercent()
                  + " % utilisation through the grace period of "
                  + limits.idleGrace()
                  + ".",
              null));
    }
  }

  private static void queue(
      JobFacts job,
      PolicyLimits limits,
      JobPolicyState marks,
      Instant now,
      List<PolicyAction> actions) {
    Duration limit = limits.maxQueue();
    if (limit == null || job.queuedSince() == null) {
      return;
    }
    if (now.isBefore(job.queuedSince().plus(limit))) {
      return;
    }
    if (limits.cancelAfterQueue()) {
      actions.add(
          new PolicyAction(
              PolicyReason.QUEUE_TIME_EXCEEDED,
              "Cancelled: it waited in its queue longer than " + limit + ".",
              null));
    } else if (!marks.isQueueWarned()) {
      actions.add(
          new PolicyAction(
              PolicyReason.QUEUE_TIME_WARNING,
              "It has waited in its queue longer than " + limit + ".",
              null));
    }
  }
}
