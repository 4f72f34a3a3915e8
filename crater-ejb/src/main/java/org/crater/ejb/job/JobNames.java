package org.crater.ejb.job;

import org.crater.k8s.workload.WorkloadNames;
import org.crater.model.job.Job;

/**
 * The name of a job's cluster objects for layers that cannot reach crater-k8s: it is built (and
 * parsed) only by {@link WorkloadNames}, {@code crater-<id>-<attempt>}.
 */
public final class JobNames {

  private JobNames() {}

  /** The name of the current attempt's cluster objects, also the prefix of its pods' names. */
  public static String clusterName(Job job) {
    return WorkloadNames.objectName(job.getId(), job.getAttempt());
  }
}
