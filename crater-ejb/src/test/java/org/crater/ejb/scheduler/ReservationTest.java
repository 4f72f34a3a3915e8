package org.crater.ejb.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.ejb.scheduler.AdmissionPassTest.ALICE;
import static org.crater.ejb.scheduler.AdmissionPassTest.BOB;
import static org.crater.ejb.scheduler.AdmissionPassTest.NOW;
import static org.crater.ejb.scheduler.AdmissionPassTest.account;
import static org.crater.ejb.scheduler.AdmissionPassTest.admittedIds;
import static org.crater.ejb.scheduler.AdmissionPassTest.gpus;
import static org.crater.ejb.scheduler.AdmissionPassTest.quota;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.crater.model.job.Slo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Nodes kept for a guaranteed gang that has waited longer than the reserve-after setting. */
class ReservationTest {

  static final Duration RESERVE_AFTER = Duration.ofMinutes(10);

  /** An 8-GPU A100 node with {@code free} GPUs free. */
  static Room.Node a100(String name, long free) {
    Map<String, Long> all = Map.of("cpu", 64_000L, "memory", 512L << 30, "nvidia.com/gpu", 8L);
    return new Room.Node(
        name, "A100", all, Map.of("cpu", 64_000L, "memory", 512L << 30, "nvidia.com/gpu", free));
  }

  /** Two replicas of 8 GPUs, guaranteed, submitted {@code waited} ago. */
  static QueuedJob gang(Duration waited) {
    return new QueuedJob(1, 1, ALICE, 1, Slo.GUARANTEED, gpus(8), 2, "A100", NOW.minus(waited));
  }

  /** A best-effort job of 2 GPUs submitted a minute ago. */
  static QueuedJob small() {
    return new QueuedJob(
        2, 1, BOB, 1, Slo.BEST_EFFORT, gpus(2), 1, "A100", NOW.minus(Duration.ofMinutes(1)));
  }

  static AdmissionPlan plan(List<QueuedJob> queued, long memberGpus, Room.Node... nodes) {
    return AdmissionPass.plan(
        new AdmissionPass.Snapshot(
            queued, List.of(), quota(memberGpus), account(64, null), Room.of(List.of(nodes))),
        NOW,
        RESERVE_AFTER);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "a gang that has waited long keeps a1 and a2; the small job backfills a3",
            gang(Duration.ofHours(1)),
            16,
            new Room.Node[] {a100("a1", 4), a100("a2", 4), a100("a3", 2)},
            Set.of("a1", "a2"),
            List.of(2L)),
        Arguments.of(
            "the small job fits only on the kept nodes: it waits",
            gang(Duration.ofHours(1)),
            16,
            new Room.Node[] {a100("a1", 4), a100("a2", 4), a100("a3", 0)},
            Set.of("a1", "a2"),
            List.of()),
        Arguments.of(
            "the nodes closest to holding the gang are kept, even when the small job then waits",
            gang(Duration.ofHours(1)),
            16,
            new Room.Node[] {a100("a1", 0), a100("a2", 6), a100("a3", 7)},
            Set.of("a2", "a3"),
            List.of()),
        Arguments.of(
            "a gang that has not waited long keeps nothing: the small job takes a1",
            gang(Duration.ofMinutes(5)),
            16,
            new Room.Node[] {a100("a1", 4), a100("a2", 4), a100("a3", 0)},
            Set.of(),
            List.of(2L)),
        Arguments.of(
            "a gang over its quota keeps nothing",
            gang(Duration.ofHours(1)),
            8,
            new Room.Node[] {a100("a1", 4), a100("a2", 4), a100("a3", 0)},
            Set.of(),
            List.of(2L)),
        Arguments.of(
            "a gang whose nodes are free starts at once",
            gang(Duration.ofHours(1)),
            16,
            new Room.Node[] {a100("a1", 8), a100("a2", 8), a100("a3", 0)},
            Set.of(),
            List.of(1L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keepsNodesForAGangThatHasWaitedLong(
      String name,
      QueuedJob gang,
      long memberGpus,
      Room.Node[] nodes,
      Set<String> kept,
      List<Long> admitted) {
    AdmissionPlan plan = plan(List.of(gang, small()), memberGpus, nodes);

    assertThat(plan.reservations().getOrDefault(1L, Set.of())).isEqualTo(kept);
    assertThat(admittedIds(plan)).containsExactlyElementsOf(admitted);
    assertThat(plan.reservedAgainst(2L)).isEqualTo(kept);
    assertThat(plan.reservedAgainst(1L)).isEmpty();
  }

  @Test
  void theWaitingGangSaysHowManyNodesAreKeptForIt() {
    AdmissionPlan plan = plan(List.of(gang(Duration.ofHours(1))), 16, a100("a1", 4), a100("a2", 4));

    WaitReason reason = plan.waiting().get(1L).reason();
    assertThat(reason.code()).isEqualTo("NoCapacity");
    assertThat(reason.details()).containsEntry("reservedNodes", "2");
    assertThat(reason.message()).contains("2 node(s) are kept for it");
  }

  @Test
  void withoutTheSettingNothingIsKept() {
    AdmissionPlan plan =
        AdmissionPass.plan(
            new AdmissionPass.Snapshot(
                List.of(gang(Duration.ofDays(1)), small()),
                List.of(),
                quota(16),
                account(64, null),
                Room.of(List.of(a100("a1", 4), a100("a2", 4)))),
            NOW);

    assertThat(plan.reservations()).isEmpty();
    assertThat(admittedIds(plan)).containsExactly(2L);
  }
}
