package org.crater.ejb.scheduler;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one pass: what to admit, what to preempt for it, and why the rest waits.
 *
 * @param admitted jobs to admit, in the order they were chosen
 * @param preempted best-effort jobs to preempt, each with the job it makes room for
 * @param waiting every job left in the queues, by id
 */
public record AdmissionPlan(
    List<QueuedJob> admitted, List<Preemption> preempted, Map<Long, Waiting> waiting) {

  /**
   * A best-effort job that gives its room to a guaranteed one.
   *
   * @param victim the job to preempt
   * @param forJob the guaranteed job it makes room for
   */
  public record Preemption(HeldJob victim, long forJob) {}

  public static final AdmissionPlan EMPTY = new AdmissionPlan(List.of(), List.of(), Map.of());
}
