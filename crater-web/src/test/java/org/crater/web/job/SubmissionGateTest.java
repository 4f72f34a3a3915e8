package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubmissionGateTest {

  private static SubmissionGate gate(int perUser) {
    SubmissionGate gate = new SubmissionGate();
    gate.maxPerUser = perUser;
    return gate;
  }

  @Test
  void aUserSubmitsUpToTheCapAtOnceWhileOthersAreUnaffected() throws Exception {
    SubmissionGate gate = gate(2);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch inside = new CountDownLatch(2);
    Runnable slow =
        () ->
            gate.submit(
                1,
                () -> {
                  inside.countDown();
                  await(release);
                  return 1;
                });
    CompletableFuture<Void> first = CompletableFuture.runAsync(slow);
    CompletableFuture<Void> second = CompletableFuture.runAsync(slow);
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> gate.submit(1, () -> 3))
        .isInstanceOfSatisfying(
            TooManySubmissionsException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.headers()).containsEntry("Retry-After", "1");
            });
    assertThat(gate.submit(2, () -> "bob's")).isEqualTo("bob's");

    release.countDown();
    CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);
    assertThat(gate.submit(1, () -> "again")).isEqualTo("again");
  }

  @Test
  void aFailedSubmissionGivesItsPlaceBack() {
    SubmissionGate gate = gate(1);

    assertThatThrownBy(
            () ->
                gate.submit(
                    1,
                    () -> {
                      throw new IllegalStateException("refused");
                    }))
        .hasMessage("refused");
    assertThat(gate.submit(1, () -> "next")).isEqualTo("next");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
