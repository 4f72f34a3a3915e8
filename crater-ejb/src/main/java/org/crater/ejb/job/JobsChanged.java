package org.crater.ejb.job;

import java.util.Set;

/**
 * Fired inside the transaction that changed jobs' phases (submitted, admitted, preempted, requeued,
 * finished, cancelled) or their service level. Observers react after the commit: the scheduler
 * plans a pass, the reconciler brings the jobs' cluster objects in line.
 *
 * @param jobIds the jobs that changed
 * @param observed true when the change records what the reconciler itself saw in the cluster: it
 *     follows such a change up at once and need not hear of it again
 */
public record JobsChanged(Set<Long> jobIds, boolean observed) {

  public JobsChanged {
    jobIds = Set.copyOf(jobIds);
  }

  /** Jobs changed by a request or by the scheduler. */
  public static JobsChanged of(Set<Long> jobIds) {
    return new JobsChanged(jobIds, false);
  }

  /** A job changed by a request or by the scheduler. */
  public static JobsChanged of(long jobId) {
    return of(Set.of(jobId));
  }

  /** Jobs changed by the reconciler to what the cluster shows. */
  public static JobsChanged observed(Set<Long> jobIds) {
    return new JobsChanged(jobIds, true);
  }
}
