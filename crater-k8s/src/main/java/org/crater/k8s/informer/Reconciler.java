package org.crater.k8s.informer;

/**
 * The port a controller drives: bring the cluster and the record of one job in line.
 * Implementations must be idempotent and level-triggered (read current state; never rely on having
 * seen every event). Throwing is allowed: the request is then retried with backoff.
 */
@FunctionalInterface
public interface Reconciler {

  /** Reconciles one job and says whether to look at it again. */
  Result reconcile(Request request) throws Exception;
}
