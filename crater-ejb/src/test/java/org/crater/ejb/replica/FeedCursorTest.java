package org.crater.ejb.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final Duration SETTLE = Duration.ofSeconds(30);

  private static Change job(long id) {
    return new Change(id, Change.JOB, id * 10);
  }

  private static List<Long> ids(List<Change> changes) {
    return changes.stream().map(Change::id).toList();
  }

  @Test
  void takesEachRowOnceAndMovesItsFloorOverWhatItRead() {
    FeedCursor cursor = new FeedCursor(0, SETTLE);

    List<Change> first = cursor.take(List.of(job(1), job(2)), NOW);
    List<Change> again = cursor.take(List.of(job(1), job(2), job(3)), NOW);

    assertThat(ids(first)).containsExactly(1L, 2L);
    assertThat(ids(again)).containsExactly(3L);
    assertThat(cursor.floor()).isEqualTo(3);
  }

  @Test
  void aRowCommittedLateBehindOthersIsStillTaken() {
    FeedCursor cursor = new FeedCursor(0, SETTLE);

    cursor.take(List.of(job(1), job(3)), NOW); // 2 is not committed yet
    List<Change> late = cursor.take(List.of(job(2), job(3)), NOW.plusSeconds(1));

    assertThat(cursor.floor()).isEqualTo(3);
    assertThat(ids(late)).containsExactly(2L);
  }

  @Test
  void theFloorWaitsAtAGapUntilTheRowsAfterItHaveSettled() {
    FeedCursor cursor = new FeedCursor(0, SETTLE);

    cursor.take(List.of(job(1), job(3)), NOW);
    assertThat(cursor.floor()).isEqualTo(1);

    cursor.take(List.of(job(3)), NOW.plus(SETTLE).plusSeconds(1)); // 2 rolled back
    assertThat(cursor.floor()).isEqualTo(3);
  }

  @Test
  void rowsAtOrBelowTheFloorAreNotTakenAgain() {
    FeedCursor cursor = new FeedCursor(5, SETTLE);

    assertThat(cursor.take(List.of(job(4), job(6)), NOW))
        .extracting(Change::id)
        .containsExactly(6L);
  }
}
