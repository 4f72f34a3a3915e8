package org.crater.ejb.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.ejb.scheduler.AdmissionPassTest.ACCOUNT;
import static org.crater.ejb.scheduler.AdmissionPassTest.ALICE;
import static org.crater.ejb.scheduler.AdmissionPassTest.BOB;
import static org.crater.ejb.scheduler.AdmissionPassTest.NOW;
import static org.crater.ejb.scheduler.AdmissionPassTest.gpus;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.crater.ejb.common.CraterMetrics;
import org.crater.ejb.job.JobsChanged;
import org.crater.ejb.node.Cluster;
import org.crater.ejb.node.FencedException;
import org.crater.k8s.common.ResourceAmounts;
import org.crater.k8s.node.NodeInventory;
import org.crater.k8s.node.NodeView;
import org.crater.model.job.JobPhase;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's passes, run at once on the calling thread, against a recorded cluster view, store
 * and waiting board: the boundaries it reads and writes.
 */
class SchedulerTest {

  static final long EPOCH = 3;

  final FakeCluster cluster = new FakeCluster();
  final FakeStore store = new FakeStore();
  final FakeBoard board = new FakeBoard();
  final FakeMetrics metrics = new FakeMetrics();
  final Scheduler scheduler =
      new Scheduler(
          cluster,
          store,
          board,
          metrics,
          new FakeSettings(),
          Clock.fixed(NOW, ZoneOffset.UTC),
          inlineExecutor());

  @Test
  @DisplayName("a replica that does not lead plans nothing and reads nothing")
  void followerDoesNotPlan() {
    cluster.epoch = 0;
    cluster.claimed = false;
    store.rows.add(row(1, ALICE, Slo.GUARANTEED, 2, JobPhase.QUEUEING));

    scheduler.requestPass();
    scheduler.jobsChanged(JobsChanged.of(1));

    assertThat(store.fullReads).isZero();
    assertThat(store.applied).isEmpty();
  }

  @Test
  @DisplayName("no pass runs before the cluster view is synced")
  void noPassBeforeSync() {
    cluster.synced = false;
    store.rows.add(row(1, ALICE, Slo.GUARANTEED, 2, JobPhase.QUEUEING));

    scheduler.requestPass();

    assertThat(store.fullReads).isZero();
    assertThat(store.applied).isEmpty();
  }

  @Test
  @DisplayName("the first pass reads the whole book and admits a fitting job under the epoch")
  void firstPassAdmitsUnderTheEpoch() {
    store.rows.add(row(1, ALICE, Slo.GUARANTEED, 2, JobPhase.QUEUEING));

    scheduler.requestPass();

    assertThat(store.fullReads).isEqualTo(1);
    assertThat(store.applied).singleElement().isEqualTo("admit=[1] preempt=[] epoch=3");
    assertThat(metrics.latencies).containsExactly(Duration.ofMinutes(5));
    assertThat(metrics.passes).containsExactly("admitted=1 preempted=0 waiting=0");
    assertThat(scheduler.waiting(1)).isEmpty();
  }

  @Test
  @DisplayName("later passes read only the jobs whose change was committed")
  void laterPassesReadOnlyChangedJobs() {
    scheduler.requestPass();
    store.rows.add(row(2, BOB, Slo.BEST_EFFORT, 1, JobPhase.QUEUEING));

    scheduler.jobsChanged(JobsChanged.of(2));

    assertThat(store.fullReads).isEqualTo(1);
    assertThat(store.readByIds).containsExactly(List.of(2L));
    assertThat(store.applied).containsExactly("admit=[2] preempt=[] epoch=3");
  }

  @Test
  @DisplayName("a change committed while a Lease renewal is late is planned when it comes")
  void changeDuringALateRenewalIsPlannedAfter() {
    scheduler.requestPass();
    store.rows.add(row(2, BOB, Slo.BEST_EFFORT, 1, JobPhase.QUEUEING));
    cluster.epoch = 0;
    cluster.leader = false;

    scheduler.jobsChanged(JobsChanged.of(2));
    assertThat(store.applied).isEmpty();
    cluster.epoch = EPOCH;
    cluster.leader = true;
    scheduler.requestPass();

    assertThat(store.fullReads).isEqualTo(1);
    assertThat(store.readByIds).containsExactly(List.of(2L));
    assertThat(store.applied).containsExactly("admit=[2] preempt=[] epoch=3");
  }

  @Test
  @DisplayName("a job over its member's quota waits, with its reason and place in the queue")
  void jobOverQuotaWaits() {
    store.rows.add(row(1, ALICE, Slo.GUARANTEED, 6, JobPhase.RUNNING));
    store.rows.add(row(2, ALICE, Slo.GUARANTEED, 4, JobPhase.QUEUEING));

    scheduler.requestPass();

    assertThat(store.applied).isEmpty();
    assertThat(scheduler.waiting(2))
        .hasValueSatisfying(
            w -> {
              assertThat(w.reason().code()).isEqualTo("QuotaExceeded");
              assertThat(w.position()).isEqualTo(1);
            });
    assertThat(metrics.passes).containsExactly("admitted=0 preempted=0 waiting=1");
  }

  @Test
  @DisplayName("a guaranteed job takes the room of a best-effort job beyond quota")
  void guaranteedPreemptsBestEffort() {
    cluster.bound = List.of("crater/crater-50-1");
    store.rows.add(row(50, BOB, Slo.BEST_EFFORT, 8, JobPhase.RUNNING));
    store.rows.add(row(1, ALICE, Slo.GUARANTEED, 8, JobPhase.QUEUEING));

    scheduler.requestPass();

    assertThat(store.applied).containsExactly("admit=[1] preempt=[50 for 1] epoch=3");
  }

  @Test
  @DisplayName("a commit refused under an old epoch ends leadership; the next pass reads afresh")
  void fencedCommitEndsLeadership() {
    store.rows.add(row(1, ALICE, Slo.GUARANTEED, 2, JobPhase.QUEUEING));
    store.currentEpoch = 4;

    scheduler.requestPass();
    assertThat(cluster.fenced).containsExactly(EPOCH);

    cluster.epoch = 4;
    scheduler.requestPass();
    assertThat(store.fullReads).isEqualTo(2);
    assertThat(store.applied).containsExactly("admit=[1] preempt=[] epoch=4");
  }

  @Test
  @DisplayName("a pass that fails is redone on a book read afresh")
  void failedPassIsRedoneFromAFreshBook() {
    store.rows.add(row(1, ALICE, Slo.GUARANTEED, 2, JobPhase.QUEUEING));
    store.limitsFail = true;

    scheduler.requestPass();
    assertThat(store.applied).isEmpty();

    store.limitsFail = false;
    scheduler.requestPass();
    assertThat(store.fullReads).isEqualTo(2);
    assertThat(store.applied).containsExactly("admit=[1] preempt=[] epoch=3");
  }

  @Test
  @DisplayName("a replica that does not lead answers why a job waits from the leader's board")
  void followerAnswersFromTheBoard() {
    cluster.leader = false;
    Waiting published = new Waiting(WaitReason.noCapacity("A100", "8 GPUs"), 2);
    board.published = Map.of(7L, published);

    assertThat(scheduler.waiting(7)).contains(published);
    assertThat(scheduler.waiting(8)).isEmpty();
  }

  static JobRow row(long id, long owner, Slo slo, long gpus, JobPhase phase) {
    Instant submitted = NOW.minus(Duration.ofMinutes(5));
    Instant started = phase == JobPhase.QUEUEING ? null : submitted;
    return new JobRow(id, 1, owner, ACCOUNT, slo, gpus(gpus), 1, "A100", submitted, started, phase);
  }

  static ManagedExecutorService inlineExecutor() {
    return OneMethod.of(
        ManagedExecutorService.class, "execute", args -> ((Runnable) args[0]).run());
  }

  /** One A100 node with 8 GPUs; the pods bound to it hold all 8 when there are any. */
  static final class FakeCluster extends Cluster {
    long epoch = EPOCH;
    boolean leader = true;
    boolean claimed = true;
    boolean synced = true;
    List<String> bound = List.of();
    final List<Long> fenced = new ArrayList<>();

    @Override
    public long epoch() {
      return epoch;
    }

    @Override
    public boolean isLeader() {
      return leader;
    }

    @Override
    public boolean claimedEpoch() {
      return claimed;
    }

    @Override
    public boolean synced() {
      return synced;
    }

    @Override
    public void fenced(long refused) {
      fenced.add(refused);
    }

    @Override
    public NodeInventory inventory() {
      ResourceAmounts all =
          ResourceAmounts.parse(Map.of("cpu", "64", "memory", "512Gi", "nvidia.com/gpu", "8"));
      ResourceAmounts used =
          bound.isEmpty()
              ? ResourceAmounts.ZERO
              : ResourceAmounts.parse(Map.of("cpu", "4", "memory", "16Gi", "nvidia.com/gpu", "8"));
      NodeView node =
          new NodeView("a1", true, true, "A100", all, all, used, all.minus(used), bound);
      return new NodeInventory(List.of(node), Map.of(), NOW);
    }
  }

  /** The jobs, quotas (8 GPUs for each member and for the account) and commits, recorded. */
  static final class FakeStore extends SchedulerStore {
    final List<JobRow> rows = new ArrayList<>();
    final List<String> applied = new ArrayList<>();
    final List<List<Long>> readByIds = new ArrayList<>();
    int fullReads;
    boolean limitsFail;
    long currentEpoch = EPOCH;

    @Override
    public List<JobRow> active() {
      fullReads++;
      return List.copyOf(rows);
    }

    @Override
    public List<JobRow> byIds(Collection<Long> ids) {
      readByIds.add(List.copyOf(ids));
      return rows.stream().filter(r -> ids.contains(r.id())).toList();
    }

    @Override
    public Limits limits(Instant now) {
      if (limitsFail) {
        throw new IllegalStateException("connection lost");
      }
      ResourceVector eight = AdmissionPassTest.quotaOf(8);
      return new Limits(
          List.of(new MemberLimit(ALICE, ACCOUNT, eight), new MemberLimit(BOB, ACCOUNT, eight)),
          List.of(new AccountLimit(ACCOUNT, "lab", eight, null)));
    }

    @Override
    public int apply(AdmissionPlan plan, Instant now, long epoch) {
      if (epoch != currentEpoch) {
        throw new FencedException(epoch, currentEpoch);
      }
      applied.add(
          "admit="
              + plan.admitted().stream().map(QueuedJob::id).toList()
              + " preempt="
              + plan.preempted().stream().map(p -> p.victim().id() + " for " + p.forJob()).toList()
              + " epoch="
              + epoch);
      return plan.admitted().size();
    }
  }

  static final class FakeBoard extends WaitingBoard {
    Map<Long, Waiting> published = Map.of();

    @Override
    public Map<Long, Waiting> read() {
      return published;
    }
  }

  static final class FakeMetrics extends CraterMetrics {
    final List<Duration> latencies = new ArrayList<>();
    final List<String> passes = new ArrayList<>();

    @Override
    public void pass(Duration took, int admitted, int preempted, int waiting) {
      passes.add("admitted=" + admitted + " preempted=" + preempted + " waiting=" + waiting);
    }

    @Override
    public void admissionLatency(Duration waited) {
      latencies.add(waited);
    }
  }

  static final class FakeSettings extends SchedulerSettings {
    @Override
    public Duration reserveAfter() {
      return null;
    }
  }
}
