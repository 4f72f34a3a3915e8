package org.crater.ejb.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The entries waiting to be written: a bounded queue that request threads add to without ever
 * waiting, and the batch the one writer is storing. An entry that finds the queue full is dropped
 * and counted. A batch stays taken until it is {@link #written()}, so a failed write is tried again
 * with the same entries.
 */
final class AuditBuffer {

  private final BlockingQueue<AuditEntry> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final List<AuditEntry> batch = new ArrayList<>();

  AuditBuffer(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Adds an entry at once; {@code false} (and one more drop counted) when the queue is full. */
  boolean offer(AuditEntry entry) {
    if (queue.offer(entry)) {
      return true;
    }
    dropped.incrementAndGet();
    return false;
  }

  /**
   * The batch to write next: the one not yet written, else up to {@code max} entries from the
   * queue, oldest first. Only the writer calls it.
   */
  List<AuditEntry> batch(int max) {
    if (batch.isEmpty()) {
      queue.drainTo(batch, max);
    }
    return List.copyOf(batch);
  }

  /** The batch last taken is stored. */
  void written() {
    batch.clear();
  }

  /** Entries waiting, in the queue and in the batch. */
  int waiting() {
    return queue.size() + batch.size();
  }

  /** Entries dropped since the start because the queue was full. */
  long dropped() {
    return dropped.get();
  }
}
