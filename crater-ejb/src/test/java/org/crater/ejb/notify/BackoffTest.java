package org.crater.ejb.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 5);

  @Test
  void waitsDoubleFromTheBaseUpToTheMaximum() {
    assertThat(backoff.after(1)).contains(Duration.ofSeconds(10));
    assertThat(backoff.after(2)).contains(Duration.ofSeconds(20));
    assertThat(backoff.after(3)).contains(Duration.ofSeconds(40));
    assertThat(backoff.after(4)).contains(Duration.ofMinutes(1));
  }

  @Test
  void givesUpOnceEveryAttemptHasFailed() {
    assertThat(backoff.after(5)).isEmpty();
    assertThat(backoff.after(6)).isEmpty();
    assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).after(1)).isEmpty();
  }

  @Test
  void manyFailuresNeverOverflowTheWait() {
    Backoff patient = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 1_000);
    assertThat(patient.after(999)).contains(Duration.ofHours(1));
  }

  @Test
  void refusesSettingsThatCannotWork() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
