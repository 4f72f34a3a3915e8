package org.crater.ejb.scheduler;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of one pass: what to admit, what to preempt for it, and why the rest waits.
 *
 * @param admitted jobs to admit, in the order they were chosen
 * @param preempted best-effort jobs to preempt, each with the job it makes room for
 * @param waiting every job left in the queues, by id
 * @param reservations nodes kept for guaranteed jobs that have waited long, by job id: no other job
 *     may be placed on them
 */
public record AdmissionPlan(
    List<QueuedJob> admitted,
    List<Preemption> preempted,
    Map<Long, Waiting> waiting,
    Map<Long, Set<String>> reservations) {

  /**
   * A best-effort job that gives its room to a guaranteed one.
   *
   * @param victim the job to preempt
   * @param forJob the guaranteed job it makes room for
   */
  public record Preemption(HeldJob victim, long forJob) {}

  public static final AdmissionPlan EMPTY =
      new AdmissionPlan(List.of(), List.of(), Map.of(), Map.of());

  /** Every node reserved for another job than {@code jobId}: where its pods must not go. */
  public Set<String> reservedAgainst(long jobId) {
    Set<String> nodes = new java.util.TreeSet<>();
    reservations.forEach(
        (holder, reserved) -> {
          if (holder != jobId) {
            nodes.addAll(reserved);
          }
        });
    return nodes;
  }
}
