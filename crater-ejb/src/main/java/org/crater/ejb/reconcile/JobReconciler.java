package org.crater.ejb.reconcile;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.crater.k8s.common.ClusterRejectedException;
import org.crater.k8s.gateway.ClusterGateway;
import org.crater.k8s.informer.Reconciler;
import org.crater.k8s.informer.Request;
import org.crater.k8s.informer.Result;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.model.job.JobPhase;

/**
 * Reconciles one job, level-triggered and idempotent: (1) read the job; (2) delete every attempt
 * that should not exist (all of them for queued, preempted, cancelled and unknown jobs); (3) for a
 * preempted job whose objects are gone, requeue it; (4) for an admitted job, create its objects if
 * they are missing, else record what the cluster shows. The database is read and written in short
 * transactions of {@link JobRecords}; none spans a cluster call. Does nothing unless this replica
 * leads.
 */
final class JobReconciler implements Reconciler {

  static final Duration CREATED_RECHECK = Duration.ofSeconds(2);
  static final Duration DELETION_RECHECK = Duration.ofSeconds(1);

  private final JobRecords records;
  private final ClusterGateway gateway;
  private final BooleanSupplier leading;

  JobReconciler(JobRecords records, ClusterGateway gateway, BooleanSupplier leading) {
    this.records = records;
    this.gateway = gateway;
    this.leading = leading;
  }

  @Override
  public Result reconcile(Request request) {
    if (!leading.getAsBoolean()) {
      return Result.done();
    }
    long id = request.jobId();
    Optional<JobState> state = records.state(id);
    String namespace = gateway.settings().namespace();
    int keep = state.filter(JobState::keepsObjects).map(JobState::attempt).orElse(-1);
    for (int attempt : gateway.attempts(namespace, id)) {
      if (attempt != keep) {
        gateway.delete(namespace, id, attempt);
      }
    }
    if (state.isEmpty()) {
      return Result.done();
    }
    JobState job = state.get();
    if (job.phase() == JobPhase.PREEMPTED) {
      if (!gateway.attempts(namespace, id).isEmpty()) {
        return Result.retryAfter(DELETION_RECHECK);
      }
      records.requeue(id, job.attempt());
      return Result.done();
    }
    if (!job.phase().holdsQuota()) {
      return Result.done();
    }
    ObservedWorkload seen = gateway.observe(namespace, id, job.attempt());
    if (seen.phase() == WorkloadPhase.MISSING && !seen.preempted()) {
      if (job.phase() == JobPhase.CREATED) {
        Optional<WorkloadSpec> spec = records.spec(id);
        if (spec.isEmpty() || spec.get().attempt() != job.attempt()) {
          return Result.retry(); // it moved meanwhile: look again
        }
        try {
          gateway.apply(spec.get());
        } catch (ClusterRejectedException e) {
          records.reject(id, job.attempt(), e.getMessage());
          return Result.done();
        }
        return Result.retryAfter(CREATED_RECHECK);
      }
    }
    // A job the cluster preempted must lose its objects and go back to its queue: at once.
    return records.record(seen).filter(phase -> phase == JobPhase.PREEMPTED).isPresent()
        ? Result.retry()
        : Result.done();
  }
}
