package org.crater.ejb.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Where the leader is in the change feed. Ids are handed out in order but transactions commit in
 * any order, so a row can appear behind rows already read: the cursor keeps a floor below which
 * every id was read or is a gap for good, and remembers the ids read above it. A gap becomes for
 * good (its transaction rolled back) once a row after it was first read more than {@code settle}
 * ago, far longer than any transaction may stay open. Times are the leader's own, so clocks that
 * differ between replicas do not matter.
 */
final class FeedCursor {

  private final Duration settle;
  private final TreeMap<Long, Instant> above = new TreeMap<>();
  private long floor;

  FeedCursor(long floor, Duration settle) {
    this.floor = floor;
    this.settle = settle;
  }

  /** Every id at or below this was read or will never be written. */
  long floor() {
    return floor;
  }

  /** The rows not read before, of rows read from the feed after {@link #floor()}. */
  List<Change> take(List<Change> rows, Instant now) {
    List<Change> fresh = new ArrayList<>();
    for (Change row : rows) {
      if (row.id() > floor && above.putIfAbsent(row.id(), now) == null) {
        fresh.add(row);
      }
    }
    advance(now);
    return fresh;
  }

  private void advance(Instant now) {
    while (!above.isEmpty()) {
      long next = above.firstKey();
      if (next == floor + 1 || above.firstEntry().getValue().isBefore(now.minus(settle))) {
        floor = next;
        above.pollFirstEntry();
      } else {
        return;
      }
    }
  }
}
