package org.crater.ejb.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.ejb.scheduler.AdmissionPassTest.gpus;
import static org.crater.ejb.scheduler.ReservationTest.a100;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * First-fit placement in a {@link Room}, which remembers per shape where a walk may start. A copy
 * of a room remembers nothing, so it is the plain first-fit walk the remembering room must agree
 * with.
 */
class RoomTest {

  @Test
  void roomGivenBackOnAnEarlierNodeIsFoundAgain() {
    Room room = Room.of(List.of(a100("a1", 8), a100("a2", 0)));
    assertThat(room.place("crater-1-1", gpus(8), "A100", 1)).isTrue();
    assertThat(room.place("crater-2-1", gpus(8), "A100", 1)).isFalse();

    room.release("crater-1-1", gpus(8));

    assertThat(room.place("crater-2-1", gpus(8), "A100", 1)).isTrue();
    assertThat(room.placementOf("crater-2-1")).containsExactly("a1");
  }

  @Test
  void aNodeTooFullForOneShapeIsStillTriedForASmallerOne() {
    Room room = Room.of(List.of(a100("a1", 2), a100("a2", 8)));
    assertThat(room.place("crater-1-1", gpus(8), "A100", 1)).isTrue();

    assertThat(room.place("crater-2-1", gpus(2), "A100", 1)).isTrue();

    assertThat(room.placementOf("crater-1-1")).containsExactly("a2");
    assertThat(room.placementOf("crater-2-1")).containsExactly("a1");
  }

  @Test
  void aGangThatDoesNotFitLeavesTheRoomAsItWas() {
    Room room = Room.of(List.of(a100("a1", 0), a100("a2", 8), a100("a3", 0)));

    assertThat(room.place("crater-1-1", gpus(8), "A100", 2)).isFalse();

    assertThat(room.place("crater-2-1", gpus(8), "A100", 1)).isTrue();
    assertThat(room.placementOf("crater-2-1")).containsExactly("a2");
  }

  @Test
  void theHolderOfAReservationSeesItsNodesAfterOthersWereTurnedAway() {
    Room room = Room.of(List.of(a100("a1", 4), a100("a2", 4), a100("a3", 0)));
    assertThat(room.reserve("crater-1-1", gpus(8), "A100", 1)).containsExactly("a1");
    assertThat(room.place("crater-2-1", gpus(4), "A100", 1)).isTrue();
    assertThat(room.place("crater-3-1", gpus(4), "A100", 1)).isFalse();

    assertThat(room.place("crater-1-1", gpus(4), "A100", 1)).isTrue();

    assertThat(room.placementOf("crater-2-1")).containsExactly("a2");
    assertThat(room.placementOf("crater-1-1")).containsExactly("a1");
  }

  @Test
  void placesWhereAPlainFirstFitWalkWouldOverAThousandRandomSteps() {
    Random random = new Random(16);
    List<Room.Node> nodes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      nodes.add(a100("n%02d".formatted(i), random.nextInt(9)));
    }
    Room room = Room.of(nodes);
    List<String> placed = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (int step = 0; step < 1_000; step++) {
      if (!placed.isEmpty() && random.nextInt(5) == 0) {
        int victim = random.nextInt(placed.size());
        room.release(placed.remove(victim), gpus(sizes.remove(victim)));
        continue;
      }
      String attempt = "crater-" + step + "-1";
      long size = 1L << random.nextInt(4);
      int replicas = 1 + random.nextInt(3);
      Room plain = room.copy();

      boolean fits = room.place(attempt, gpus(size), "A100", replicas);

      assertThat(fits)
          .as("step %d", step)
          .isEqualTo(plain.place(attempt, gpus(size), "A100", replicas));
      assertThat(room.placementOf(attempt)).isEqualTo(plain.placementOf(attempt));
      if (fits) {
        placed.add(attempt);
        sizes.add(size);
      }
    }
  }
}
