package org.crater.k8s.workload;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What happens to a job's pods when their node stops answering (docs/operations.md, "Node loss").
 *
 * <p>Every pod tolerates the {@code node.kubernetes.io/not-ready} and {@code
 * node.kubernetes.io/unreachable} NoExecute taints for a bounded time only; then the taint eviction
 * controller evicts it, Crater sees the eviction and the job runs again as its next attempt. A pod
 * of an attempt Crater deleted that is still Terminating {@code forceDeleteAfter} past its deletion
 * deadline sits on a node that no longer answers: Crater deletes it with grace period 0, so the job
 * is not held back until the node returns. The next attempt has a pod of another name, so the two
 * never share one.
 *
 * @param notReadySeconds {@code tolerationSeconds} for the not-ready taint
 * @param unreachableSeconds {@code tolerationSeconds} for the unreachable taint
 * @param forceDeleteAfter how long past its deletion deadline a Terminating pod is waited for
 */
public record NodeLossPolicy(
    long notReadySeconds, long unreachableSeconds, Duration forceDeleteAfter) {

  public static final String NOT_READY_TAINT = "node.kubernetes.io/not-ready";
  public static final String UNREACHABLE_TAINT = "node.kubernetes.io/unreachable";

  /** Requires non-negative times. */
  public NodeLossPolicy {
    Objects.requireNonNull(forceDeleteAfter, "forceDeleteAfter");
    if (notReadySeconds < 0 || unreachableSeconds < 0 || forceDeleteAfter.isNegative()) {
      throw new IllegalArgumentException("node loss times must not be negative");
    }
  }

  /**
   * 60 s for either taint (Kubernetes' own default is 300 s), force deletion 30 s past deadline.
   */
  public static NodeLossPolicy defaults() {
    return new NodeLossPolicy(60, 60, Duration.ofSeconds(30));
  }

  /**
   * True when a pod marked for deletion at {@code deletionTimestamp} (its deadline: the API server
   * adds the grace period) is still there {@code forceDeleteAfter} later.
   */
  public boolean stuck(OffsetDateTime deletionTimestamp, Instant now) {
    return deletionTimestamp != null
        && deletionTimestamp.toInstant().plus(forceDeleteAfter).isBefore(now);
  }
}
