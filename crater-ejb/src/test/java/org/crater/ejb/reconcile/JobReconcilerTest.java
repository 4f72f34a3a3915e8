package org.crater.ejb.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.crater.ejb.node.FencedException;
import org.crater.ejb.reconcile.RetentionSettings.Retention;
import org.crater.k8s.common.ClusterRejectedException;
import org.crater.k8s.common.ClusterUnavailableException;
import org.crater.k8s.gateway.LogTail;
import org.crater.k8s.informer.Request;
import org.crater.k8s.informer.Result;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.model.job.JobPhase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reconciler against a recorded database side and a recorded cluster: the two boundaries it
 * talks to.
 */
class JobReconcilerTest {

  static final long EPOCH = 7;
  static final long JOB = 42;
  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  final Records records = new Records();
  final Objects cluster = new Objects();
  final List<Long> fenced = new ArrayList<>();
  long epoch = EPOCH;
  Set<String> reserved = Set.of();

  final JobReconciler reconciler =
      new JobReconciler(
          records,
          cluster,
          () -> epoch,
          fenced::add,
          id -> reserved,
          new FinishedObjects(
              cluster,
              null,
              new Retention(Duration.ofDays(1), 1024),
              Clock.fixed(NOW, ZoneOffset.UTC)));

  @Test
  @DisplayName("a replica that does not lead touches neither the cluster nor the database")
  void followerDoesNothing() {
    epoch = 0;
    records.put(JOB, JobPhase.CANCELLED, 1);
    cluster.create(JOB, 1, WorkloadPhase.RUNNING);

    assertThat(reconciler.reconcile(new Request(JOB))).isEqualTo(Result.done());
    assertThat(records.statesRead).isZero();
    assertThat(cluster.deleted).isEmpty();
  }

  @ParameterizedTest(name = "a {0} job loses every attempt's objects")
  @EnumSource(
      value = JobPhase.class,
      names = {"QUEUEING", "CANCELLED"})
  void jobsNotMeantToRunLoseAllObjects(JobPhase phase) {
    records.put(JOB, phase, 2);
    cluster.create(JOB, 1, WorkloadPhase.RUNNING);
    cluster.create(JOB, 2, WorkloadPhase.RUNNING);

    assertThat(reconciler.reconcile(new Request(JOB))).isEqualTo(Result.done());
    assertThat(cluster.deleted).containsExactly("crater-42-1", "crater-42-2");
    assertThat(records.recorded).isEmpty();
    assertThat(cluster.applied).isEmpty();
  }

  @Test
  @DisplayName("a job the database no longer knows loses its objects")
  void unknownJobLosesObjects() {
    cluster.create(JOB, 3, WorkloadPhase.RUNNING);

    assertThat(reconciler.reconcile(new Request(JOB))).isEqualTo(Result.done());
    assertThat(cluster.deleted).containsExactly("crater-42-3");
  }

  @Test
  @DisplayName("a running job keeps its current attempt and loses older ones")
  void runningJobKeepsCurrentAttemptOnly() {
    records.put(JOB, JobPhase.RUNNING, 2);
    cluster.create(JOB, 1, WorkloadPhase.FAILED);
    cluster.create(JOB, 2, WorkloadPhase.RUNNING);

    assertThat(reconciler.reconcile(new Request(JOB))).isEqualTo(Result.done());
    assertThat(cluster.deleted).containsExactly("crater-42-1");
    assertThat(records.recorded).containsExactly("crater-42-2 RUNNING epoch=7");
  }

  @Test
  @DisplayName("a finished job keeps its objects for its logs while its retention lasts")
  void finishedJobKeepsObjects() {
    records.put(JOB, JobPhase.SUCCEEDED, 1);
    cluster.create(JOB, 1, WorkloadPhase.SUCCEEDED);

    assertThat(reconciler.reconcile(new Request(JOB))).isEqualTo(Result.done());
    assertThat(cluster.deleted).isEmpty();
    assertThat(records.recorded).isEmpty();
  }

  @Test
  @DisplayName("an admitted attempt without objects gets them, kept off nodes reserved for others")
  void createsAdmittedAttempt() {
    records.put(JOB, JobPhase.CREATED, 1);
    reserved = Set.of("a2", "a1");

    assertThat(reconciler.reconcile(new Request(JOB)))
        .isEqualTo(Result.retryAfter(JobReconciler.CREATED_RECHECK));
    assertThat(cluster.applied).hasSize(1);
    WorkloadSpec applied = cluster.applied.get(0);
    assertThat(applied.objectName()).isEqualTo("crater-42-1");
    assertThat(applied.avoidNodes()).containsExactly("a1", "a2");
    assertThat(records.recorded).isEmpty();
  }

  @Test
  @DisplayName("an attempt that stopped being admitted before its spec was read is not created")
  void noCreateForAnAttemptNoLongerAdmitted() {
    records.put(JOB, JobPhase.CREATED, 1);
    records.specGone = true;

    assertThat(reconciler.reconcile(new Request(JOB))).isEqualTo(Result.retry());
    assertThat(cluster.applied).isEmpty();
  }

  @Test
  @DisplayName("a create the cluster refuses as invalid fails the job with the cluster's words")
  void refusedCreateFailsTheJob() {
    records.put(JOB, JobPhase.CREATED, 1);
    cluster.refuseWith = "mountPath: must be unique";

    assertThat(reconciler.reconcile(new Request(JOB))).isEqualTo(Result.done());
    assertThat(records.rejected).containsExactly("42/1 mountPath: must be unique epoch=7");
  }

  @Test
  @DisplayName("a created attempt seen again on the cluster is recorded, not created twice")
  void repeatedObservationDoesNotCreateAgain() {
    records.put(JOB, JobPhase.CREATED, 1);
    cluster.create(JOB, 1, WorkloadPhase.PENDING);

    reconciler.reconcile(new Request(JOB));
    reconciler.reconcile(new Request(JOB));

    assertThat(cluster.applied).isEmpty();
    assertThat(records.recorded)
        .containsExactly("crater-42-1 PENDING epoch=7", "crater-42-1 PENDING epoch=7");
  }

  @Test
  @DisplayName("an attempt the cluster evicted is recorded, not created again, and retried at once")
  void evictedAttemptIsRecordedAndRetried() {
    records.put(JOB, JobPhase.CREATED, 1);
    cluster.evict(JOB, 1);
    records.phaseAfterRecord = JobPhase.PREEMPTED;

    assertThat(reconciler.reconcile(new Request(JOB))).isEqualTo(Result.retry());
    assertThat(cluster.applied).isEmpty();
    assertThat(records.recorded).containsExactly("crater-42-1 MISSING epoch=7");
  }

  @Test
  @DisplayName("a preempted job waits until its objects are gone, then goes back to its queue")
  void preemptedJobIsRequeuedOnceItsObjectsAreGone() {
    records.put(JOB, JobPhase.PREEMPTED, 1);
    cluster.create(JOB, 1, WorkloadPhase.RUNNING);
    cluster.deletionsLinger = true;

    assertThat(reconciler.reconcile(new Request(JOB)))
        .isEqualTo(Result.retryAfter(JobReconciler.DELETION_RECHECK));
    assertThat(cluster.deleted).containsExactly("crater-42-1");
    assertThat(records.requeued).isEmpty();

    cluster.finishDeletions();
    assertThat(reconciler.reconcile(new Request(JOB))).isEqualTo(Result.done());
    assertThat(records.requeued).containsExactly("42/1 epoch=7");
  }

  @Test
  @DisplayName("one job's failing cluster call retries only that job; the batch goes on")
  void failureRetriesOnlyThatJob() {
    records.put(JOB, JobPhase.RUNNING, 1);
    records.put(43, JobPhase.RUNNING, 1);
    cluster.create(JOB, 1, WorkloadPhase.RUNNING);
    cluster.create(43, 1, WorkloadPhase.RUNNING);
    cluster.unavailableFor = JOB;

    List<Result> results = reconciler.reconcileAll(List.of(new Request(JOB), new Request(43)));

    assertThat(results).containsExactly(Result.retry(), Result.done());
    assertThat(records.recorded).containsExactly("crater-43-1 RUNNING epoch=7");
    assertThat(records.statesRead).isEqualTo(1);
  }

  @Test
  @DisplayName("a write refused under an old epoch ends this replica's leadership")
  void fencedWriteEndsLeadership() {
    records.put(JOB, JobPhase.RUNNING, 1);
    cluster.create(JOB, 1, WorkloadPhase.SUCCEEDED);
    records.currentEpoch = 8;

    assertThat(reconciler.reconcile(new Request(JOB))).isEqualTo(Result.done());
    assertThat(fenced).containsExactly(EPOCH);
  }

  /** The database side, recorded. */
  static final class Records extends JobRecords {
    final Map<Long, JobState> states = new HashMap<>();
    final List<String> recorded = new ArrayList<>();
    final List<String> requeued = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();
    int statesRead;
    boolean specGone;
    JobPhase phaseAfterRecord;
    long currentEpoch = EPOCH;

    void put(long id, JobPhase phase, int attempt) {
      states.put(id, new JobState(id, phase, attempt, JobState.finished(phase) ? NOW : null));
    }

    @Override
    public Map<Long, JobState> states(Collection<Long> ids) {
      statesRead++;
      return ids.stream()
          .filter(states::containsKey)
          .collect(Collectors.toMap(id -> id, states::get));
    }

    @Override
    public Optional<WorkloadSpec> spec(long id, int attempt) {
      if (specGone) {
        return Optional.empty();
      }
      return Optional.of(
          WorkloadSpec.builder()
              .jobId(id)
              .attempt(attempt)
              .user("alice")
              .account("lab")
              .image("pytorch/pytorch:2.4")
              .build());
    }

    @Override
    public Map<Long, JobPhase> record(Collection<ObservedWorkload> observed, long epoch) {
      fence(epoch);
      Map<Long, JobPhase> phases = new HashMap<>();
      for (ObservedWorkload seen : observed) {
        recorded.add(seen.objectName() + " " + seen.phase() + " epoch=" + epoch);
        JobPhase phase =
            phaseAfterRecord != null ? phaseAfterRecord : states.get(seen.jobId()).phase();
        phases.put(seen.jobId(), phase);
      }
      return phases;
    }

    @Override
    public void requeue(long id, int attempt, long epoch) {
      fence(epoch);
      requeued.add(id + "/" + attempt + " epoch=" + epoch);
    }

    @Override
    public void reject(long id, int attempt, String message, long epoch) {
      fence(epoch);
      rejected.add(id + "/" + attempt + " " + message + " epoch=" + epoch);
    }

    private void fence(long epoch) {
      if (epoch != currentEpoch) {
        throw new FencedException(epoch, currentEpoch);
      }
    }
  }

  /** The cluster's objects of job attempts, recorded; deletions may take a while to finish. */
  static final class Objects implements AttemptObjects {
    final Map<Long, TreeMap<Integer, ObservedWorkload>> attempts = new HashMap<>();
    final Set<String> deleting = new HashSet<>();
    final List<String> deleted = new ArrayList<>();
    final List<WorkloadSpec> applied = new ArrayList<>();
    boolean deletionsLinger;
    String refuseWith;
    Long unavailableFor;

    void create(long id, int attempt, WorkloadPhase phase) {
      Instant started = phase == WorkloadPhase.PENDING ? null : NOW;
      attempts
          .computeIfAbsent(id, k -> new TreeMap<>())
          .put(attempt, observation(id, attempt, phase, started, false));
    }

    void evict(long id, int attempt) {
      attempts
          .computeIfAbsent(id, k -> new TreeMap<>())
          .put(attempt, observation(id, attempt, WorkloadPhase.MISSING, NOW, true));
    }

    void finishDeletions() {
      attempts.values().forEach(byAttempt -> byAttempt.values().removeIf(this::isDeleting));
    }

    private boolean isDeleting(ObservedWorkload seen) {
      return deleting.contains(seen.objectName());
    }

    private static ObservedWorkload observation(
        long id, int attempt, WorkloadPhase phase, Instant started, boolean preempted) {
      return new ObservedWorkload(
          id,
          attempt,
          WorkloadNames.objectName(id, attempt),
          phase,
          null,
          preempted ? "Evicted" : null,
          null,
          List.of("node-0"),
          started,
          null,
          preempted,
          null);
    }

    private void reachable(long id) {
      if (unavailableFor != null && unavailableFor == id) {
        throw new ClusterUnavailableException("connection refused", 503, null);
      }
    }

    @Override
    public SortedSet<Integer> attempts(long jobId) {
      reachable(jobId);
      return new TreeSet<>(attempts.getOrDefault(jobId, new TreeMap<>()).keySet());
    }

    @Override
    public void delete(long jobId, int attempt) {
      String name = WorkloadNames.objectName(jobId, attempt);
      deleted.add(name);
      if (deletionsLinger) {
        deleting.add(name);
      } else {
        attempts.getOrDefault(jobId, new TreeMap<>()).remove(attempt);
      }
    }

    @Override
    public ObservedWorkload observe(long jobId, int attempt) {
      reachable(jobId);
      return Optional.ofNullable(attempts.getOrDefault(jobId, new TreeMap<>()).get(attempt))
          .orElse(ObservedWorkload.missing(jobId, attempt));
    }

    @Override
    public LogTail readLogTail(long jobId, int attempt, int maxBytes) {
      throw new UnsupportedOperationException("no log is read while a retention lasts");
    }

    @Override
    public void apply(WorkloadSpec spec) {
      if (refuseWith != null) {
        throw new ClusterRejectedException("create refused", 422, refuseWith, null);
      }
      applied.add(spec);
    }
  }
}
