package org.crater.ejb.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crater.ejb.scheduler.AdmissionPassTest.NOW;
import static org.crater.ejb.scheduler.AdmissionPassTest.gpus;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crater.ejb.job.JobsChanged;
import org.crater.ejb.node.FencedException;
import org.crater.ejb.node.LeaderFence;
import org.crater.model.account.Account;
import org.crater.model.job.Job;
import org.crater.model.job.JobEvent;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobPhase;
import org.crater.model.job.JobRequest;
import org.crater.model.job.Slo;
import org.crater.model.job.TaskType;
import org.crater.model.usage.AttemptUsage;
import org.crater.model.user.PlatformRole;
import org.crater.model.user.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How {@link SchedulerStore#apply} commits a plan, on the plan's jobs as the database holds them;
 * the entity manager, the fence and the change event are recorded.
 */
class SchedulerStoreTest {

  static final long EPOCH = 5;

  final List<Object> persisted = new ArrayList<>();
  final List<Long> checkedEpochs = new ArrayList<>();
  final List<JobsChanged> fired = new ArrayList<>();
  final Map<Long, Job> jobs = new HashMap<>();
  long currentEpoch = EPOCH;

  final SchedulerStore store = new SchedulerStore(entityManager(), changeEvent(), fence());

  @Test
  @DisplayName("an admitted job moves to CREATED under the epoch, checked last, and is announced")
  void admitsUnderTheEpoch() {
    Job job = put(1, Slo.GUARANTEED, JobPhase.QUEUEING);

    int admitted = commit(List.of(queued(1, Slo.GUARANTEED)));

    assertThat(admitted).isEqualTo(1);
    assertThat(job.getPhase()).isEqualTo(JobPhase.CREATED);
    assertThat(job.getAdmittedAt()).isEqualTo(NOW);
    assertThat(events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getTo()).isEqualTo(JobPhase.CREATED);
              assertThat(e.getEpoch()).isEqualTo(EPOCH);
              assertThat(e.getActor()).isEqualTo("scheduler");
            });
    assertThat(checkedEpochs).containsExactly(EPOCH);
    assertThat(fired).containsExactly(JobsChanged.of(Set.of(1L)));
  }

  @Test
  @DisplayName(
      "the best-effort jobs planned as victims are preempted with the job they make room for")
  void preemptsVictimsWithTheirJob() {
    put(1, Slo.GUARANTEED, JobPhase.QUEUEING);
    Job victim = put(50, Slo.BEST_EFFORT, JobPhase.RUNNING);
    Job bystander = put(51, Slo.BEST_EFFORT, JobPhase.RUNNING);

    int admitted = commit(List.of(queued(1, Slo.GUARANTEED)), preemption(50, 1));

    assertThat(admitted).isEqualTo(1);
    assertThat(victim.getPhase()).isEqualTo(JobPhase.PREEMPTED);
    assertThat(victim.getReason()).isEqualTo("PreemptedForGuaranteed");
    assertThat(victim.getReasonMessage()).isEqualTo("room for guaranteed job 1");
    assertThat(victim.getPreemptions()).isEqualTo(1);
    assertThat(bystander.getPhase()).isEqualTo(JobPhase.RUNNING);
    assertThat(events())
        .extracting(JobEvent::getTo)
        .containsExactly(JobPhase.PREEMPTED, JobPhase.CREATED);
    assertThat(events()).extracting(JobEvent::getEpoch).containsOnly(EPOCH);
    assertThat(fired).containsExactly(JobsChanged.of(Set.of(1L, 50L)));
    assertThat(persisted)
        .as("the victim's attempt is accounted for, from its start to its preemption")
        .filteredOn(AttemptUsage.class::isInstance)
        .map(AttemptUsage.class::cast)
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.getEndedAs()).isEqualTo(JobPhase.PREEMPTED);
              assertThat(u.getDurationMs()).isEqualTo(580_000);
              assertThat(u.getGpus()).isEqualTo(2);
            });
  }

  @Test
  @DisplayName("a job cancelled since the snapshot is skipped, and so are its victims")
  void skipsMovedJobAndItsVictims() {
    Job job = put(1, Slo.GUARANTEED, JobPhase.CANCELLED);
    Job victim = put(50, Slo.BEST_EFFORT, JobPhase.RUNNING);

    int admitted = commit(List.of(queued(1, Slo.GUARANTEED)), preemption(50, 1));

    assertThat(admitted).isZero();
    assertThat(job.getPhase()).isEqualTo(JobPhase.CANCELLED);
    assertThat(victim.getPhase()).isEqualTo(JobPhase.RUNNING);
    assertThat(persisted).isEmpty();
    assertThat(checkedEpochs).isEmpty();
    assertThat(fired).isEmpty();
  }

  @Test
  @DisplayName("a job whose service level changed since the snapshot is skipped")
  void skipsJobWhoseSloChanged() {
    Job job = put(1, Slo.BEST_EFFORT, JobPhase.QUEUEING);

    int admitted = commit(List.of(queued(1, Slo.GUARANTEED)));

    assertThat(admitted).isZero();
    assertThat(job.getPhase()).isEqualTo(JobPhase.QUEUEING);
    assertThat(persisted).isEmpty();
  }

  @Test
  @DisplayName("a job gone from the database or on a later attempt is skipped; the others go on")
  void skipsGoneAndLaterAttempts() {
    put(2, Slo.GUARANTEED, JobPhase.QUEUEING);
    Job later = put(3, Slo.GUARANTEED, JobPhase.QUEUEING);
    QueuedJob stale =
        new QueuedJob(3, 0, 10, 1, Slo.GUARANTEED, gpus(1), 1, "A100", NOW.minusSeconds(60));

    int admitted = commit(List.of(queued(1, Slo.GUARANTEED), queued(2, Slo.GUARANTEED), stale));

    assertThat(admitted).isEqualTo(1);
    assertThat(later.getPhase()).isEqualTo(JobPhase.QUEUEING);
    assertThat(fired).containsExactly(JobsChanged.of(Set.of(2L)));
  }

  @Test
  @DisplayName("a victim that ended meanwhile is left alone; its job is admitted all the same")
  void endedVictimIsNotPreempted() {
    put(1, Slo.GUARANTEED, JobPhase.QUEUEING);
    Job ended = put(50, Slo.BEST_EFFORT, JobPhase.SUCCEEDED);

    int admitted = commit(List.of(queued(1, Slo.GUARANTEED)), preemption(50, 1));

    assertThat(admitted).isEqualTo(1);
    assertThat(ended.getPhase()).isEqualTo(JobPhase.SUCCEEDED);
    assertThat(events()).extracting(JobEvent::getTo).containsExactly(JobPhase.CREATED);
    assertThat(fired).containsExactly(JobsChanged.of(Set.of(1L)));
  }

  @Test
  @DisplayName("under an epoch that no longer leads the commit fails and announces nothing")
  void fencedCommitFails() {
    put(1, Slo.GUARANTEED, JobPhase.QUEUEING);
    currentEpoch = 6;

    assertThatThrownBy(() -> commit(List.of(queued(1, Slo.GUARANTEED))))
        .isInstanceOf(FencedException.class);
    assertThat(fired).isEmpty();
  }

  @Test
  @DisplayName("an empty plan writes nothing and needs no fence")
  void emptyPlanWritesNothing() {
    assertThat(store.commit(AdmissionPlan.EMPTY, jobs, NOW, EPOCH)).isZero();
    assertThat(persisted).isEmpty();
    assertThat(checkedEpochs).isEmpty();
  }

  /** Commits a plan that admits {@code admitted} and preempts as planned, under {@link #EPOCH}. */
  private int commit(List<QueuedJob> admitted, AdmissionPlan.Preemption... preempted) {
    return store.commit(plan(admitted, List.of(preempted)), jobs, NOW, EPOCH);
  }

  private List<JobEvent> events() {
    return persisted.stream().filter(JobEvent.class::isInstance).map(JobEvent.class::cast).toList();
  }

  static AdmissionPlan plan(List<QueuedJob> admitted, List<AdmissionPlan.Preemption> preempted) {
    return new AdmissionPlan(admitted, preempted, Map.of(), Map.of());
  }

  static QueuedJob queued(long id, Slo slo) {
    return new QueuedJob(id, 1, 10, 1, slo, gpus(2), 1, "A100", NOW.minusSeconds(60));
  }

  static AdmissionPlan.Preemption preemption(long victim, long forJob) {
    HeldJob held =
        new HeldJob(victim, 1, 11, 1, Slo.BEST_EFFORT, gpus(2), 1, "A100", NOW.minusSeconds(600));
    return new AdmissionPlan.Preemption(held, forJob);
  }

  /** A job with attempt 1 in {@code phase}, as the database would hand it back. */
  private Job put(long id, Slo slo, JobPhase phase) {
    User owner = new User("alice", "Alice", null, "hash", PlatformRole.USER, NOW);
    JobRequest request =
        new JobRequest(
            "train-" + id,
            JobKind.BATCH,
            TaskType.TRAINING,
            slo,
            "pytorch/pytorch:2.4",
            List.of("python", "train.py"),
            List.of(),
            Map.of(),
            null,
            gpus(2),
            "A100",
            1,
            List.of(),
            null);
    Job job = new Job(owner, new Account("lab", "Lab", NOW), request, NOW.minusSeconds(3600));
    if (phase != JobPhase.QUEUEING) {
      job.admit("scheduler", NOW.minusSeconds(600));
    }
    switch (phase) {
      case RUNNING -> {
        job.markPending("Pending", null, "cluster", NOW.minusSeconds(590));
        job.markRunning("node-0", "cluster", NOW.minusSeconds(580));
      }
      case SUCCEEDED -> job.finish(0, "Completed", null, "cluster", NOW.minusSeconds(10));
      case CANCELLED -> job.cancel("alice", NOW.minusSeconds(10));
      default -> {}
    }
    assertThat(job.getPhase()).isEqualTo(phase);
    jobs.put(id, job);
    return job;
  }

  /** Records what is persisted; any other use of the entity manager fails the test. */
  private EntityManager entityManager() {
    return OneMethod.of(EntityManager.class, "persist", args -> persisted.add(args[0]));
  }

  @SuppressWarnings("unchecked")
  private Event<JobsChanged> changeEvent() {
    return OneMethod.of(Event.class, "fire", args -> fired.add((JobsChanged) args[0]));
  }

  private LeaderFence fence() {
    return new LeaderFence() {
      @Override
      public void check(long epoch) {
        checkedEpochs.add(epoch);
        if (epoch != currentEpoch) {
          throw new FencedException(epoch, currentEpoch);
        }
      }
    };
  }
}
