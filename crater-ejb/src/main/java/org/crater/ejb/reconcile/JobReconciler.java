package org.crater.ejb.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.ejb.node.FencedException;
import org.crater.k8s.common.ClusterRejectedException;
import org.crater.k8s.informer.Reconciler;
import org.crater.k8s.informer.Request;
import org.crater.k8s.informer.Result;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.model.job.JobPhase;

/**
 * Reconciles jobs, level-triggered and idempotent: (1) read the jobs; (2) delete every attempt that
 * should not exist (all of them for queued, preempted, cancelled and unknown jobs); (3) for a
 * preempted job whose objects are gone, requeue it; (4) for an admitted job, create its objects if
 * they are missing, else record what the cluster shows; (5) for a finished job, remove its objects
 * once its retention has passed ({@link FinishedObjects}). The database is read and written in
 * short transactions of {@link JobRecords}, one read and one write for a whole batch; none spans a
 * cluster call. A job whose cluster calls fail is retried alone. Does nothing unless this replica
 * leads; its writes are made under the leadership epoch it read first, and a refused one ends this
 * replica's leadership.
 */
final class JobReconciler implements Reconciler {

  static final Duration CREATED_RECHECK = Duration.ofSeconds(2);
  static final Duration DELETION_RECHECK = Duration.ofSeconds(1);

  private static final Logger LOG = Logger.getLogger(JobReconciler.class.getName());

  private final JobRecords records;
  private final AttemptObjects cluster;
  private final LongSupplier epochs;
  private final LongConsumer fenced;
  private final LongFunction<Set<String>> reservedAgainst;
  private final FinishedObjects finished;

  /**
   * @param epochs the epoch this replica leads under, 0 when it does not
   * @param fenced told the epoch of a write that was refused
   * @param reservedAgainst the nodes a job's pods must keep off (reserved for other jobs)
   * @param finished what becomes of finished jobs' objects
   */
  JobReconciler(
      JobRecords records,
      AttemptObjects cluster,
      LongSupplier epochs,
      LongConsumer fenced,
      LongFunction<Set<String>> reservedAgainst,
      FinishedObjects finished) {
    this.records = records;
    this.cluster = cluster;
    this.epochs = epochs;
    this.fenced = fenced;
    this.reservedAgainst = reservedAgainst;
    this.finished = finished;
  }

  @Override
  public Result reconcile(Request request) {
    return reconcileAll(List.of(request)).get(0);
  }

  @Override
  public List<Result> reconcileAll(List<Request> requests) {
    long epoch = epochs.getAsLong();
    if (epoch == 0) {
      return Collections.nCopies(requests.size(), Result.done());
    }
    try {
      return reconcileAll(requests, epoch);
    } catch (FencedException e) {
      fenced.accept(e.epoch());
      return Collections.nCopies(requests.size(), Result.done());
    }
  }

  private List<Result> reconcileAll(List<Request> requests, long epoch) {
    Map<Long, JobState> states = records.states(requests.stream().map(Request::jobId).toList());
    Map<Long, ObservedWorkload> observed = new LinkedHashMap<>();
    List<Optional<Result>> steps = new ArrayList<>(requests.size());
    for (Request request : requests) {
      steps.add(
          step(request.jobId(), Optional.ofNullable(states.get(request.jobId())), observed, epoch));
    }
    Map<Long, JobPhase> recorded =
        observed.isEmpty() ? Map.of() : records.record(observed.values(), epoch);
    List<Result> results = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      // A job the cluster preempted must lose its objects and go back to its queue: at once; a
      // job that finished starts its retention.
      JobPhase phase = recorded.get(requests.get(i).jobId());
      boolean again = phase == JobPhase.PREEMPTED || JobState.finished(phase);
      results.add(steps.get(i).orElse(again ? Result.retry() : Result.done()));
    }
    return results;
  }

  /**
   * Brings one job's cluster objects in line; empty when what the cluster shows of it is left in
   * {@code observed} to be recorded.
   */
  private Optional<Result> step(
      long id, Optional<JobState> state, Map<Long, ObservedWorkload> observed, long epoch) {
    try {
      int keep = state.filter(JobState::keepsObjects).map(JobState::attempt).orElse(-1);
      for (int attempt : cluster.attempts(id)) {
        if (attempt != keep) {
          cluster.delete(id, attempt);
        }
      }
      return state.isEmpty()
          ? Optional.of(Result.done())
          : stepKnownJob(id, state.get(), observed, epoch);
    } catch (FencedException e) {
      throw e;
    } catch (RuntimeException e) {
      // Only this job is retried (with backoff); the others of the batch go on.
      LOG.warning(() -> "failed reconcile job=" + id + " cause=" + e.getMessage());
      LOG.log(Level.FINE, "reconcile failure", e);
      return Optional.of(Result.retry());
    }
  }

  /** The step of a known job once the attempts it should not have are deleted. */
  private Optional<Result> stepKnownJob(
      long id, JobState job, Map<Long, ObservedWorkload> observed, long epoch) {
    if (job.phase() == JobPhase.PREEMPTED) {
      if (!cluster.attempts(id).isEmpty()) {
        return Optional.of(Result.retryAfter(DELETION_RECHECK));
      }
      records.requeue(id, job.attempt(), epoch);
      return Optional.of(Result.done());
    }
    if (JobState.finished(job.phase())) {
      return Optional.of(finished.reconcile(job, epoch));
    }
    if (!job.phase().holdsQuota()) {
      return Optional.of(Result.done());
    }
    ObservedWorkload seen = cluster.observe(id, job.attempt());
    if (seen.phase() == WorkloadPhase.MISSING
        && !seen.preempted()
        && job.phase() == JobPhase.CREATED) {
      return Optional.of(create(id, job, epoch));
    }
    observed.put(id, seen);
    return Optional.empty();
  }

  private Result create(long id, JobState job, long epoch) {
    Optional<WorkloadSpec> spec = records.spec(id, job.attempt());
    if (spec.isEmpty()) {
      return Result.retry(); // it moved meanwhile: look again
    }
    try {
      cluster.apply(spec.get().avoiding(reservedAgainst.apply(id)));
    } catch (ClusterRejectedException e) {
      // Refused as invalid: the same objects never will be taken, so the job ends here.
      records.reject(id, job.attempt(), e.clusterMessage(), epoch);
      return Result.done();
    }
    return Result.retryAfter(CREATED_RECHECK);
  }
}
