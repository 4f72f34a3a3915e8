package org.crater.k8s.gateway;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.crater.k8s.informer.Reconciler;
import org.crater.k8s.informer.Request;
import org.crater.k8s.informer.Result;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * Level-triggered reconcile of one job: compares the desired attempt ({@link DesiredStateSource})
 * with the informer caches and acts. Steps: (1) read the desired attempt; (2) delete every other
 * attempt of the job; (3) create the desired attempt if it is missing, was not preempted and may be
 * created; (4) report the observation ({@link ObservationSink}). Idempotent; cluster errors
 * propagate so the queue backs off.
 */
public final class WorkloadReconciler implements Reconciler {

  private static final Logger LOG = Logger.getLogger(WorkloadReconciler.class.getName());

  private final ClusterGateway gateway;
  private final DesiredStateSource source;
  private final ObservationSink sink;
  private final Duration createdRecheck;

  /**
   * @param gateway the cluster
   * @param source desired state from the database
   * @param sink where observations go
   * @param createdRecheck when to look again after a create, in case the informer event is missed
   */
  public WorkloadReconciler(
      ClusterGateway gateway,
      DesiredStateSource source,
      ObservationSink sink,
      Duration createdRecheck) {
    this.gateway = Objects.requireNonNull(gateway);
    this.source = Objects.requireNonNull(source);
    this.sink = Objects.requireNonNull(sink);
    this.createdRecheck = Objects.requireNonNull(createdRecheck);
  }

  @Override
  public Result reconcile(Request request) {
    long jobId = request.jobId();
    Optional<DesiredAttempt> desired = source.desired(jobId);
    String namespace =
        desired
            .map(d -> gateway.settings().namespaceOf(d.spec()))
            .orElse(gateway.settings().namespace());
    deleteOtherAttempts(namespace, jobId, desired.map(d -> d.spec().attempt()).orElse(-1));
    if (desired.isEmpty()) {
      return Result.done();
    }
    WorkloadSpec spec = desired.get().spec();
    ObservedWorkload observed = gateway.observe(namespace, jobId, spec.attempt());
    if (observed.phase() == WorkloadPhase.MISSING && !observed.preempted()) {
      if (desired.get().create()) {
        gateway.apply(spec);
        return Result.retryAfter(createdRecheck);
      }
    }
    sink.observed(observed);
    return Result.done();
  }

  private void deleteOtherAttempts(String namespace, long jobId, int keep) {
    for (int attempt : gateway.attempts(namespace, jobId)) {
      if (attempt != keep) {
        LOG.info(
            () -> "deleting stale attempt job=" + jobId + " attempt=" + attempt + " kept=" + keep);
        gateway.delete(namespace, jobId, attempt);
      }
    }
  }
}
