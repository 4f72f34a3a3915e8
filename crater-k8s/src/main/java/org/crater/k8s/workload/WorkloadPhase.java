package org.crater.k8s.workload;

/**
 * The phase of a job's workload as the cluster shows it; MISSING means no object exists (or is
 * cached).
 */
public enum WorkloadPhase {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  MISSING;

  /** True for SUCCEEDED and FAILED. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
