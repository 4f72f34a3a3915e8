package org.crater.k8s.informer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkQueueTest {

  private final AtomicLong now = new AtomicLong();
  private final WorkQueue<String> queue =
      new WorkQueue<>(
          new ExponentialBackoff<>(Duration.ofMillis(10), Duration.ofSeconds(1)), now::get);

  private String take() throws InterruptedException {
    return queue.take().orElseThrow();
  }

  @Test
  void deduplicatesWaitingItemsAndKeepsFifoOrder() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("a");
    assertThat(queue.length()).isEqualTo(2);
    assertThat(take()).isEqualTo("a");
    assertThat(take()).isEqualTo("b");
  }

  @Test
  void takeReadyTakesOnlyWhatIsReadyUpToTheLimitAndMarksItProcessing() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("c");
    queue.addAfter("d", Duration.ofSeconds(1));

    assertThat(queue.takeReady(2)).containsExactly("a", "b");
    assertThat(queue.takeReady(5)).containsExactly("c");
    assertThat(queue.takeReady(5)).isEmpty();
    queue.add("a");
    assertThat(queue.takeReady(5)).as("still processing").isEmpty();
    queue.done("a");
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(queue.takeReady(5)).containsExactly("a", "d");
  }

  @Test
  void itemAddedWhileProcessingIsRequeuedOnlyAfterDone() throws Exception {
    queue.add("a");
    assertThat(take()).isEqualTo("a");
    queue.add("a");
    queue.add("a");
    assertThat(queue.length()).as("not handed to a second worker").isZero();
    queue.done("a");
    assertThat(queue.length()).isEqualTo(1);
    assertThat(take()).isEqualTo("a");
    queue.done("a");
    assertThat(queue.length()).isZero();
  }

  @Test
  void delayedItemBecomesReadyWhenItsTimeComes() throws Exception {
    queue.addAfter("a", Duration.ofSeconds(5));
    assertThat(queue.length()).isZero();
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(queue.length()).isEqualTo(1);
    assertThat(take()).isEqualTo("a");
  }

  @Test
  void earliestDelayWins() {
    queue.addAfter("a", Duration.ofSeconds(10));
    queue.addAfter("a", Duration.ofSeconds(1));
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(queue.length()).isEqualTo(1);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(queue.length()).isEqualTo(1);
  }

  @Test
  void rateLimitedRequeuesBackOffExponentiallyUntilForgotten() {
    queue.addRateLimited("a");
    queue.addRateLimited("a");
    queue.addRateLimited("a");
    assertThat(queue.numRequeues("a")).isEqualTo(3);
    now.addAndGet(Duration.ofMillis(9).toNanos());
    assertThat(queue.length()).isZero();
    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(queue.length()).isEqualTo(1);
    queue.forget("a");
    assertThat(queue.numRequeues("a")).isZero();
  }

  @Test
  void takeBlocksUntilAnAddThenShutdownReleasesTakers() throws Exception {
    WorkQueue<String> real = WorkQueue.withDefaultBackoff();
    CompletableFuture<Optional<String>> first =
        CompletableFuture.supplyAsync(() -> takeQuietly(real));
    Thread.sleep(50);
    assertThat(first).isNotDone();
    real.add("x");
    assertThat(first.get(5, TimeUnit.SECONDS)).contains("x");
    CompletableFuture<Optional<String>> second =
        CompletableFuture.supplyAsync(() -> takeQuietly(real));
    real.shutdown();
    assertThat(second.get(5, TimeUnit.SECONDS)).isEmpty();
    real.add("ignored");
    assertThat(real.length()).isZero();
    assertThat(real.isShutdown()).isTrue();
  }

  @Test
  void blockedTakerWakesForADelayedItem() throws Exception {
    WorkQueue<String> real = WorkQueue.withDefaultBackoff();
    CompletableFuture<Optional<String>> taker =
        CompletableFuture.supplyAsync(() -> takeQuietly(real));
    real.addAfter("later", Duration.ofMillis(100));
    assertThat(taker.get(5, TimeUnit.SECONDS)).contains("later");
  }

  private static Optional<String> takeQuietly(WorkQueue<String> q) {
    try {
      return q.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
