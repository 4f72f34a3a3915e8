package org.crater.k8s.workload;

/** Service level of a job: guaranteed work may preempt best-effort work. */
public enum Slo {
  GUARANTEED("crater-guaranteed"),
  BEST_EFFORT("crater-best-effort");

  private final String priorityClassName;

  Slo(String priorityClassName) {
    this.priorityClassName = priorityClassName;
  }

  /** The PriorityClass every pod of this SLO runs with. */
  public String priorityClassName() {
    return priorityClassName;
  }
}
