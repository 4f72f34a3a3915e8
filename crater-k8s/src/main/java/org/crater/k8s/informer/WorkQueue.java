package org.crater.k8s.informer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A de-duplicating, rate-limited work queue with client-go semantics:
 *
 * <ul>
 *   <li>an item waiting in the queue is held once, however often it is added;
 *   <li>an item being processed (taken, not yet {@link #done}) is never handed to a second worker;
 *       if it is added meanwhile, it is queued again when {@link #done} is called;
 *   <li>{@link #addAfter} and {@link #addRateLimited} delay an item without a timer thread: waiting
 *       takers promote due items; the earliest delay of an item wins;
 *   <li>after {@link #shutdown}, adds are ignored and {@link #take} returns empty once the queue is
 *       empty.
 * </ul>
 *
 * @param <T> item type, with value equality
 */
public final class WorkQueue<T> {

  private record Delayed<T>(long readyAt, T item) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private final Set<T> dirty = new HashSet<>();
  private final Set<T> processing = new HashSet<>();
  private final PriorityQueue<Delayed<T>> delayed =
      new PriorityQueue<>((a, b) -> Long.compare(a.readyAt(), b.readyAt()));
  private final Map<T, Long> delayedAt = new HashMap<>();
  private final ExponentialBackoff<T> backoff;
  private final LongSupplier nanoTime;
  private boolean shuttingDown;

  /** A queue with the given per-item backoff, on the system clock. */
  public WorkQueue(ExponentialBackoff<T> backoff) {
    this(backoff, System::nanoTime);
  }

  /** A queue with an explicit nanosecond clock (for tests). */
  public WorkQueue(ExponentialBackoff<T> backoff, LongSupplier nanoTime) {
    this.backoff = backoff;
    this.nanoTime = nanoTime;
  }

  /** Backoff 100 ms doubling up to 5 minutes. */
  public static <T> WorkQueue<T> withDefaultBackoff() {
    return new WorkQueue<>(new ExponentialBackoff<>(Duration.ofMillis(100), Duration.ofMinutes(5)));
  }

  /** Queues {@code item} now, unless it is already waiting. */
  public void add(T item) {
    lock.lock();
    try {
      addLocked(item);
    } finally {
      lock.unlock();
    }
  }

  /** Queues {@code item} after {@code delay}; a zero delay is {@link #add}. */
  public void addAfter(T item, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(item);
      return;
    }
    lock.lock();
    try {
      if (shuttingDown) {
        return;
      }
      long readyAt = nanoTime.getAsLong() + delay.toNanos();
      Long existing = delayedAt.get(item);
      if (existing == null || readyAt < existing) {
        delayedAt.put(item, readyAt);
        delayed.add(new Delayed<>(readyAt, item));
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Queues {@code item} after its next backoff delay. */
  public void addRateLimited(T item) {
    addAfter(item, backoff.when(item));
  }

  /** Resets the backoff of {@code item} (call after a successful reconcile). */
  public void forget(T item) {
    backoff.forget(item);
  }

  /** How many consecutive rate-limited requeues {@code item} has had. */
  public int numRequeues(T item) {
    return backoff.failures(item);
  }

  /**
   * Blocks until an item is ready and marks it as processing; empty after {@link #shutdown} once
   * nothing is queued. Every taken item must be passed to {@link #done}.
   */
  public Optional<T> take() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (true) {
        promoteDue();
        if (!queue.isEmpty()) {
          return Optional.of(next());
        }
        if (shuttingDown) {
          return Optional.empty();
        }
        awaitChange();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes up to {@code max} more items that are ready now, without waiting, and marks them as
   * processing. Every taken item must be passed to {@link #done}.
   */
  public List<T> takeReady(int max) {
    lock.lock();
    try {
      promoteDue();
      List<T> items = new ArrayList<>();
      while (items.size() < max && !queue.isEmpty()) {
        items.add(next());
      }
      return items;
    } finally {
      lock.unlock();
    }
  }

  private T next() {
    T item = queue.poll();
    dirty.remove(item);
    processing.add(item);
    return item;
  }

  /** Ends processing of {@code item}; if it was added meanwhile, it is queued again. */
  public void done(T item) {
    lock.lock();
    try {
      processing.remove(item);
      if (dirty.contains(item)) {
        queue.add(item);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Items ready to be taken (not counting delayed or processing ones). */
  public int length() {
    lock.lock();
    try {
      promoteDue();
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Stops accepting items and wakes every blocked taker. */
  public void shutdown() {
    lock.lock();
    try {
      shuttingDown = true;
      delayed.clear();
      delayedAt.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** True after {@link #shutdown}. */
  public boolean isShutdown() {
    lock.lock();
    try {
      return shuttingDown;
    } finally {
      lock.unlock();
    }
  }

  private void addLocked(T item) {
    if (shuttingDown || !dirty.add(item)) {
      return;
    }
    if (!processing.contains(item)) {
      queue.add(item);
      changed.signalAll();
    }
  }

  private void promoteDue() {
    long now = nanoTime.getAsLong();
    while (!delayed.isEmpty() && delayed.peek().readyAt() <= now) {
      Delayed<T> d = delayed.poll();
      Long current = delayedAt.get(d.item());
      // Skip superseded entries: an earlier addAfter for the same item already replaced this one.
      if (current != null && current == d.readyAt()) {
        delayedAt.remove(d.item());
        addLocked(d.item());
      }
    }
  }

  private void awaitChange() throws InterruptedException {
    if (delayed.isEmpty()) {
      changed.await();
    } else {
      long wait = delayed.peek().readyAt() - nanoTime.getAsLong();
      changed.await(Math.max(wait, 1), TimeUnit.NANOSECONDS);
    }
  }
}
