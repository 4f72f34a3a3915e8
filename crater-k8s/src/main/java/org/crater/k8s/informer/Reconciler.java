package org.crater.k8s.informer;

import java.util.ArrayList;
import java.util.List;

/**
 * The port a controller drives: bring the cluster and the record of one job in line.
 * Implementations must be idempotent and level-triggered (read current state; never rely on having
 * seen every event). Throwing is allowed: the request is then retried with backoff.
 */
@FunctionalInterface
public interface Reconciler {

  /** Reconciles one job and says whether to look at it again. */
  Result reconcile(Request request) throws Exception;

  /**
   * Reconciles several jobs at once (a controller with a batch size above one hands them over
   * together) and returns their results in the same order. Throwing retries all of them with
   * backoff, so an implementation that shares work among them should keep one job's failure to that
   * job. By default one by one.
   */
  default List<Result> reconcileAll(List<Request> requests) throws Exception {
    List<Result> results = new ArrayList<>(requests.size());
    for (Request request : requests) {
      results.add(reconcile(request));
    }
    return results;
  }
}
