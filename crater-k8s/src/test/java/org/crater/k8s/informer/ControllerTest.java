package org.crater.k8s.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crater.k8s.common.Threads;
import org.junit.jupiter.api.Test;

class ControllerTest {

  private final WorkQueue<Request> queue =
      new WorkQueue<>(new ExponentialBackoff<>(Duration.ofMillis(5), Duration.ofMillis(50)));

  @Test
  void reconcilesEveryQueuedJob() {
    Map<Long, Integer> seen = new ConcurrentHashMap<>();
    try (Controller c = controller(r -> count(seen, r), 2)) {
      c.start();
      for (long id = 1; id <= 20; id++) {
        queue.add(new Request(id));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 20);
    }
  }

  @Test
  void exceptionRequeuesWithBackoffUntilSuccess() {
    AtomicInteger attempts = new AtomicInteger();
    try (Controller c =
        controller(
            r -> {
              if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("transient");
              }
              return Result.done();
            },
            1)) {
      c.start();
      queue.add(new Request(1));
      await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 3);
      await().atMost(Duration.ofSeconds(5)).until(() -> queue.numRequeues(new Request(1)) == 0);
    }
  }

  @Test
  void retryAfterComesBack() {
    AtomicInteger runs = new AtomicInteger();
    try (Controller c =
        controller(
            r ->
                runs.incrementAndGet() < 2
                    ? Result.retryAfter(Duration.ofMillis(50))
                    : Result.done(),
            1)) {
      c.start();
      queue.add(new Request(7));
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
    }
  }

  @Test
  void oneKeyIsNeverReconciledConcurrently() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    try (Controller c =
        controller(
            r -> {
              maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              Thread.sleep(5);
              inFlight.decrementAndGet();
              runs.incrementAndGet();
              return Result.done();
            },
            4)) {
      c.start();
      for (int i = 0; i < 50; i++) {
        queue.add(new Request(1));
        sleep(1);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 2 && queue.length() == 0);
    }
    assertThat(maxInFlight.get()).isEqualTo(1);
  }

  @Test
  void aWorkerTakesWhatIsReadyAsOneBatchAndSettlesEachRequestOnItsOwn() {
    List<List<Request>> batches = new CopyOnWriteArrayList<>();
    Map<Long, Integer> seen = new ConcurrentHashMap<>();
    Reconciler batching =
        new Reconciler() {
          @Override
          public Result reconcile(Request request) {
            return reconcileAll(List.of(request)).get(0);
          }

          @Override
          public List<Result> reconcileAll(List<Request> requests) {
            batches.add(List.copyOf(requests));
            requests.forEach(r -> seen.merge(r.jobId(), 1, Integer::sum));
            // Job 2 asks to be looked at again, once.
            return requests.stream()
                .map(r -> r.jobId() == 2 && seen.get(2L) == 1 ? Result.retry() : Result.done())
                .toList();
          }
        };
    for (long id = 1; id <= 10; id++) {
      queue.add(new Request(id));
    }
    try (Controller c =
        new Controller("test", queue, batching, 1, 4, Threads.daemon("test-worker"))) {
      c.start();
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.getOrDefault(2L, 0) == 2);
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 10);
    }
    assertThat(batches.get(0)).extracting(Request::jobId).containsExactly(1L, 2L, 3L, 4L);
    assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 4));
    assertThat(seen).containsEntry(1L, 1).containsEntry(10L, 1);
  }

  @Test
  void aFailedBatchRetriesEveryRequestOfIt() {
    Map<Long, Integer> seen = new ConcurrentHashMap<>();
    AtomicInteger calls = new AtomicInteger();
    Reconciler failingOnce =
        new Reconciler() {
          @Override
          public Result reconcile(Request request) {
            return Result.done();
          }

          @Override
          public List<Result> reconcileAll(List<Request> requests) {
            requests.forEach(r -> seen.merge(r.jobId(), 1, Integer::sum));
            if (calls.incrementAndGet() == 1) {
              throw new IllegalStateException("database away");
            }
            return requests.stream().map(r -> Result.done()).toList();
          }
        };
    queue.add(new Request(1));
    queue.add(new Request(2));
    try (Controller c =
        new Controller("test", queue, failingOnce, 1, 2, Threads.daemon("test-worker"))) {
      c.start();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> seen.getOrDefault(1L, 0) == 2 && seen.getOrDefault(2L, 0) == 2);
    }
  }

  private Controller controller(Reconciler r, int workers) {
    return new Controller("test", queue, r, workers, Threads.daemon("test-worker"));
  }

  private static Result count(Map<Long, Integer> seen, Request r) {
    seen.merge(r.jobId(), 1, Integer::sum);
    return Result.done();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
