package org.crater.ejb.job;

import java.util.Set;

/**
 * Fired inside the transaction that changed jobs' phases (submitted, admitted, preempted, requeued,
 * finished, cancelled) or their service level. Observers react after the commit: the scheduler
 * plans a pass, the reconciler brings the jobs' cluster objects in line.
 *
 * @param jobIds the jobs that changed
 */
public record JobsChanged(Set<Long> jobIds) {

  public JobsChanged {
    jobIds = Set.copyOf(jobIds);
  }

  public static JobsChanged of(long jobId) {
    return new JobsChanged(Set.of(jobId));
  }
}
