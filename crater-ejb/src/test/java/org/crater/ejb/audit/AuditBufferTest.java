package org.crater.ejb.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditBufferTest {

  private static AuditEntry entry(int n) {
    return new AuditEntry(
        Instant.parse("2026-12-05T10:00:00Z").plusSeconds(n),
        1L,
        "alice",
        "10.0.0.1",
        "POST",
        "/api/v1/jobs",
        "jobs",
        Integer.toString(n),
        201);
  }

  private static List<String> ids(List<AuditEntry> entries) {
    return entries.stream().map(AuditEntry::objectId).toList();
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfWaiting() {
    AuditBuffer buffer = new AuditBuffer(2);

    boolean first = buffer.offer(entry(1));
    boolean second = buffer.offer(entry(2));
    boolean third = buffer.offer(entry(3));

    assertThat(first).isTrue();
    assertThat(second).isTrue();
    assertThat(third).isFalse();
    assertThat(buffer.dropped()).isEqualTo(1);
    assertThat(buffer.waiting()).isEqualTo(2);
  }

  @Test
  void takesBatchesOldestFirstAndKeepsABatchUntilItIsWritten() {
    AuditBuffer buffer = new AuditBuffer(10);
    for (int i = 1; i <= 5; i++) {
      buffer.offer(entry(i));
    }

    List<AuditEntry> first = buffer.batch(3);
    List<AuditEntry> retried = buffer.batch(3);
    buffer.written();
    List<AuditEntry> next = buffer.batch(3);
    buffer.written();
    List<AuditEntry> none = buffer.batch(3);

    assertThat(ids(first)).containsExactly("1", "2", "3");
    assertThat(ids(retried)).as("a batch not yet written is offered again").isEqualTo(ids(first));
    assertThat(ids(next)).containsExactly("4", "5");
    assertThat(none).isEmpty();
    assertThat(buffer.waiting()).isZero();
  }

  @Test
  void aBatchWaitingForTheDatabaseStillCountsAsWaiting() {
    AuditBuffer buffer = new AuditBuffer(10);
    buffer.offer(entry(1));
    buffer.offer(entry(2));

    buffer.batch(1);

    assertThat(buffer.waiting()).isEqualTo(2);
  }
}
