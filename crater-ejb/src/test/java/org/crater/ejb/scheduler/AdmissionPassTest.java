package org.crater.ejb.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdmissionPassTest {

  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  static final long ACCOUNT = 1;
  static final long ALICE = 10;
  static final long BOB = 11;
  static final long CAROL = 12;

  /** Two A100 nodes with 8 GPUs and one V100 node with 8 GPUs, all empty. */
  static Room room() {
    return Room.of(List.of(node("a1", "A100", 8), node("a2", "A100", 8), node("v1", "V100", 8)));
  }

  static Room.Node node(String name, String model, long gpus) {
    Map<String, Long> all = Map.of("cpu", 64_000L, "memory", 512L << 30, "nvidia.com/gpu", gpus);
    return new Room.Node(name, model, all, all);
  }

  static ResourceVector gpus(long n) {
    return ResourceVector.of(Map.of("cpu", 4_000L, "memory", 16L << 30, "nvidia.com/gpu", n));
  }

  static QueuedJob queued(long id, long owner, Slo slo, long gpus, int replicas, String model) {
    return new QueuedJob(
        id, 1, owner, ACCOUNT, slo, gpus(gpus), replicas, model, NOW.minusSeconds(1000 - id));
  }

  static HeldJob held(long id, long owner, Slo slo, long gpus, String model, int minutesRun) {
    return new HeldJob(
        id, 1, owner, ACCOUNT, slo, gpus(gpus), 1, model, NOW.minusSeconds(60L * minutesRun));
  }

  static List<MemberLimit> quota(long gpusEach) {
    return Stream.of(ALICE, BOB, CAROL)
        .map(u -> new MemberLimit(u, ACCOUNT, quotaOf(gpusEach)))
        .toList();
  }

  static ResourceVector quotaOf(long gpus) {
    return ResourceVector.of(
        Map.of("cpu", 256_000L, "memory", 2048L << 30, "nvidia.com/gpu", gpus));
  }

  static List<AccountLimit> account(long gpus, Instant expiresAt) {
    return List.of(new AccountLimit(ACCOUNT, "lab", quotaOf(gpus), expiresAt));
  }

  static AdmissionPlan plan(
      List<QueuedJob> queued, List<HeldJob> held, long memberGpus, long accountGpus, Room room) {
    return AdmissionPass.plan(
        new AdmissionPass.Snapshot(
            queued, held, quota(memberGpus), account(accountGpus, null), room),
        NOW);
  }

  static List<Long> admittedIds(AdmissionPlan plan) {
    return plan.admitted().stream().map(QueuedJob::id).toList();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "guaranteed within quota and room is admitted",
            List.of(queued(1, ALICE, Slo.GUARANTEED, 2, 1, "A100")),
            List.of(),
            8,
            List.of(1L),
            Map.of()),
        Arguments.of(
            "guaranteed over the member quota waits with QuotaExceeded",
            List.of(queued(1, ALICE, Slo.GUARANTEED, 2, 1, "A100")),
            List.of(held(50, ALICE, Slo.GUARANTEED, 7, "A100", 5)),
            8,
            List.of(),
            Map.of(1L, "QuotaExceeded")),
        Arguments.of(
            "best effort runs beyond quota when there is room",
            List.of(queued(1, ALICE, Slo.BEST_EFFORT, 4, 1, "A100")),
            List.of(held(50, ALICE, Slo.GUARANTEED, 8, "A100", 5)),
            8,
            List.of(1L),
            Map.of()),
        Arguments.of(
            "per-user FIFO: a blocked head holds back the user's later jobs",
            List.of(
                queued(1, ALICE, Slo.GUARANTEED, 8, 1, "A100"),
                queued(2, ALICE, Slo.GUARANTEED, 1, 1, "A100")),
            List.of(
                held(50, BOB, Slo.GUARANTEED, 5, "A100", 5),
                held(51, BOB, Slo.GUARANTEED, 5, "A100", 5)),
            16,
            List.of(),
            Map.of(1L, "NoCapacity", 2L, "BehindInQueue")),
        Arguments.of(
            "a head that can never run does not hold back the user's later jobs",
            List.of(
                queued(1, ALICE, Slo.GUARANTEED, 9, 1, "A100"),
                queued(2, ALICE, Slo.GUARANTEED, 1, 1, "A100"),
                queued(3, ALICE, Slo.GUARANTEED, 8, 2, "A100")),
            List.of(),
            16,
            List.of(2L),
            Map.of(1L, "NeverFits", 3L, "QuotaExceeded")),
        Arguments.of(
            "a gang needs all replicas at once, across nodes",
            List.of(queued(1, ALICE, Slo.GUARANTEED, 8, 2, "A100")),
            List.of(),
            16,
            List.of(1L),
            Map.of()),
        Arguments.of(
            "a gang that does not fit whole waits with NoCapacity",
            List.of(queued(1, ALICE, Slo.GUARANTEED, 8, 2, "A100")),
            List.of(held(50, BOB, Slo.GUARANTEED, 4, "A100", 5)),
            16,
            List.of(),
            Map.of(1L, "NoCapacity")),
        Arguments.of(
            "guaranteed goes before best effort submitted earlier",
            List.of(
                queued(1, BOB, Slo.BEST_EFFORT, 8, 1, "A100"),
                queued(2, ALICE, Slo.GUARANTEED, 8, 1, "A100")),
            List.of(held(50, CAROL, Slo.GUARANTEED, 8, "A100", 5)),
            8,
            List.of(2L),
            Map.of(1L, "NoCapacity")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void admitsWithinQuotaAndCapacity(
      String name,
      List<QueuedJob> queued,
      List<HeldJob> held,
      long memberGpus,
      List<Long> admitted,
      Map<Long, String> reasons) {
    Room room = room();
    for (HeldJob h : held) {
      room.place(h.clusterName(), h.perReplica(), h.gpuModel(), h.replicas());
    }

    AdmissionPlan plan = plan(queued, held, memberGpus, 64, room);

    assertThat(admittedIds(plan)).containsExactlyElementsOf(admitted);
    reasons.forEach(
        (id, code) ->
            assertThat(plan.waiting().get(id).reason().code()).as("job " + id).isEqualTo(code));
  }

  @Test
  void aHeadThatCanNeverRunWaitsBehindEveryOtherJob() {
    List<QueuedJob> queued =
        List.of(
            queued(1, ALICE, Slo.BEST_EFFORT, 1, 1, "H100"),
            queued(2, ALICE, Slo.BEST_EFFORT, 8, 1, "A100"),
            queued(3, BOB, Slo.BEST_EFFORT, 8, 1, "V100"),
            queued(4, BOB, Slo.BEST_EFFORT, 8, 1, "V100"));

    AdmissionPlan plan = plan(queued, List.of(), 8, 64, room());

    assertThat(admittedIds(plan)).containsExactlyInAnyOrder(2L, 3L);
    assertThat(plan.waiting().get(4L).reason().code()).isEqualTo("NoCapacity");
    assertThat(plan.waiting().get(1L).reason().code()).isEqualTo("NeverFits");
    assertThat(plan.waiting().get(1L).position()).isEqualTo(2);
    assertThat(plan.waiting().get(4L).position()).isEqualTo(1);
  }

  @Test
  void placesPerNodeAndModelNotBySum() {
    // 6 + 6 free A100 GPUs and 8 free V100 GPUs: an 8-GPU A100 pod fits nowhere.
    Map<String, Long> all = Map.of("cpu", 64_000L, "memory", 512L << 30, "nvidia.com/gpu", 8L);
    Map<String, Long> six = Map.of("cpu", 64_000L, "memory", 512L << 30, "nvidia.com/gpu", 6L);
    Room room =
        Room.of(
            List.of(
                new Room.Node("a1", "A100", all, six),
                new Room.Node("a2", "A100", all, six),
                new Room.Node("v1", "V100", all, all)));

    AdmissionPlan plan =
        plan(List.of(queued(1, ALICE, Slo.GUARANTEED, 8, 1, "A100")), List.of(), 16, 64, room);

    assertThat(plan.admitted()).isEmpty();
    assertThat(plan.waiting().get(1L).reason().code()).isEqualTo("NoCapacity");
    assertThat(plan.waiting().get(1L).reason().details()).containsEntry("model", "A100");
  }

  @Test
  void aNodeThatIsDownHoldsNothingButStillCounts() {
    Map<String, Long> all = Map.of("cpu", 64_000L, "memory", 512L << 30, "nvidia.com/gpu", 8L);
    Room room = Room.of(List.of(new Room.Node("v1", "V100", false, all, all)));

    AdmissionPlan plan =
        plan(List.of(queued(1, ALICE, Slo.BEST_EFFORT, 1, 1, "V100")), List.of(), 8, 64, room);

    assertThat(plan.admitted()).isEmpty();
    assertThat(plan.waiting().get(1L).reason().code()).isEqualTo("NoCapacity");
  }

  @Test
  void leastServedUserGoesFirst() {
    // Alice already holds 4 GPUs; Bob holds none: Bob's later job is admitted first.
    Room room = Room.of(List.of(node("a1", "A100", 8)));
    HeldJob alices = held(50, ALICE, Slo.GUARANTEED, 4, "A100", 5);
    room.place(alices.clusterName(), alices.perReplica(), "A100", 1);
    List<QueuedJob> queued =
        List.of(
            queued(1, ALICE, Slo.GUARANTEED, 4, 1, "A100"),
            queued(2, BOB, Slo.GUARANTEED, 4, 1, "A100"));

    AdmissionPlan plan = plan(queued, List.of(alices), 8, 64, room);

    assertThat(admittedIds(plan)).containsExactly(2L);
    assertThat(plan.waiting().get(1L).reason().code()).isEqualTo("NoCapacity");
    assertThat(plan.waiting().get(1L).position()).isEqualTo(1);
  }

  @Test
  void accountQuotaLimitsAllMembersTogether() {
    List<QueuedJob> queued =
        List.of(
            queued(1, ALICE, Slo.GUARANTEED, 4, 1, "A100"),
            queued(2, BOB, Slo.GUARANTEED, 4, 1, "A100"));

    AdmissionPlan plan = plan(queued, List.of(), 8, 6, room());

    assertThat(plan.admitted()).hasSize(1);
    WaitReason reason = plan.waiting().values().iterator().next().reason();
    assertThat(reason.code()).isEqualTo("QuotaExceeded");
    assertThat(reason.details())
        .containsEntry("scope", "account")
        .containsEntry("resource", "nvidia.com/gpu")
        .containsEntry("need", "4")
        .containsEntry("free", "2");
  }

  @Test
  void expiredAccountAdmitsNothing() {
    AdmissionPlan plan =
        AdmissionPass.plan(
            new AdmissionPass.Snapshot(
                List.of(queued(1, ALICE, Slo.BEST_EFFORT, 1, 1, null)),
                List.of(),
                quota(8),
                account(64, NOW.minusSeconds(1)),
                room()),
            NOW);

    assertThat(plan.admitted()).isEmpty();
    assertThat(plan.waiting().get(1L).reason().code()).isEqualTo("AccountExpired");
  }

  @Test
  void anAccountThatUsedItsMonthlyBudgetAdmitsOnlyBestEffortWork() {
    List<AccountLimit> spent =
        List.of(
            new AccountLimit(
                ACCOUNT, "lab", quotaOf(64), null, new BigDecimal("10"), new BigDecimal("10.0")));
    List<AccountLimit> left =
        List.of(
            new AccountLimit(
                ACCOUNT, "lab", quotaOf(64), null, new BigDecimal("10"), new BigDecimal("9.999")));
    List<QueuedJob> queued =
        List.of(
            queued(1, ALICE, Slo.GUARANTEED, 1, 1, null),
            queued(2, BOB, Slo.BEST_EFFORT, 1, 1, null));

    AdmissionPlan exhausted =
        AdmissionPass.plan(
            new AdmissionPass.Snapshot(queued, List.of(), quota(8), spent, room()), NOW);
    AdmissionPlan notYet =
        AdmissionPass.plan(
            new AdmissionPass.Snapshot(queued, List.of(), quota(8), left, room()), NOW);

    assertThat(admittedIds(exhausted)).containsExactly(2L);
    WaitReason reason = exhausted.waiting().get(1L).reason();
    assertThat(reason.code()).isEqualTo("BudgetExhausted");
    assertThat(reason.details())
        .containsEntry("account", "lab")
        .containsEntry("budget", "10")
        .containsEntry("used", "10.0");
    assertThat(admittedIds(notYet)).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void guaranteedPreemptsTheCheapestBestEffortVictims() {
    // One A100 node, full: a best-effort job that ran 60 min on 4 GPUs and two that ran 1 min on
    // 2 GPUs each. A guaranteed 4-GPU job takes the two cheap ones.
    Room room = Room.of(List.of(node("a1", "A100", 8)));
    List<HeldJob> held =
        List.of(
            held(50, BOB, Slo.BEST_EFFORT, 4, "A100", 60),
            held(51, CAROL, Slo.BEST_EFFORT, 2, "A100", 1),
            held(52, CAROL, Slo.BEST_EFFORT, 2, "A100", 1));
    held.forEach(h -> room.place(h.clusterName(), h.perReplica(), "A100", 1));

    AdmissionPlan plan =
        plan(List.of(queued(1, ALICE, Slo.GUARANTEED, 4, 1, "A100")), held, 8, 64, room);

    assertThat(admittedIds(plan)).containsExactly(1L);
    assertThat(plan.preempted())
        .extracting(p -> p.victim().id())
        .containsExactlyInAnyOrder(51L, 52L);
    assertThat(plan.preempted()).allMatch(p -> p.forJob() == 1L);
  }

  @Test
  void neverPreemptsGuaranteedWorkOrForBestEffort() {
    Room room = Room.of(List.of(node("a1", "A100", 8)));
    List<HeldJob> held =
        List.of(
            held(50, BOB, Slo.GUARANTEED, 4, "A100", 1),
            held(51, CAROL, Slo.BEST_EFFORT, 4, "A100", 1));
    held.forEach(h -> room.place(h.clusterName(), h.perReplica(), "A100", 1));
    List<QueuedJob> queued =
        List.of(
            queued(1, ALICE, Slo.GUARANTEED, 8, 1, "A100"),
            queued(2, ALICE, Slo.BEST_EFFORT, 4, 1, "A100"));

    AdmissionPlan plan = plan(queued, held, 8, 64, room);

    assertThat(plan.admitted()).isEmpty();
    assertThat(plan.preempted()).isEmpty();
  }

  @Test
  void admittedButUnboundJobsTakeTheirRoom() {
    // Job 50 was admitted but its pod is not bound yet: the inventory shows the node empty.
    Room room = Room.of(List.of(node("a1", "A100", 8)));
    HeldJob unbound = held(50, BOB, Slo.GUARANTEED, 8, "A100", 0);

    AdmissionPlan plan =
        plan(
            List.of(queued(1, ALICE, Slo.BEST_EFFORT, 1, 1, "A100")),
            List.of(unbound),
            8,
            64,
            room);

    assertThat(plan.admitted()).isEmpty();
  }

  @Test
  void positionsInterleaveUsersGuaranteedFirst() {
    Map<String, Long> all = Map.of("cpu", 64_000L, "memory", 512L << 30, "nvidia.com/gpu", 8L);
    Room full =
        Room.of(
            List.of(new Room.Node("a1", "A100", all, Map.of("cpu", 64_000L, "memory", 1L << 30))));
    List<QueuedJob> queued = new ArrayList<>();
    queued.add(queued(1, ALICE, Slo.BEST_EFFORT, 1, 1, null));
    queued.add(queued(2, ALICE, Slo.GUARANTEED, 1, 1, null));
    queued.add(queued(3, ALICE, Slo.GUARANTEED, 1, 1, null));
    queued.add(queued(4, BOB, Slo.GUARANTEED, 1, 1, null));

    AdmissionPlan plan = plan(queued, List.of(), 8, 64, full);

    assertThat(plan.admitted()).isEmpty();
    assertThat(plan.waiting().get(2L).position()).isEqualTo(1);
    assertThat(plan.waiting().get(4L).position()).isEqualTo(2);
    assertThat(plan.waiting().get(3L).position()).isEqualTo(3);
    assertThat(plan.waiting().get(3L).reason().details()).containsEntry("ahead", "1");
    assertThat(plan.waiting().get(1L).position()).isEqualTo(4);
  }
}
