package org.crater.k8s.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

  @Test
  void doublesPerFailureUpToTheCapAndResetsOnForget() {
    ExponentialBackoff<String> b =
        new ExponentialBackoff<>(Duration.ofMillis(100), Duration.ofSeconds(1));
    assertThat(b.when("a")).isEqualTo(Duration.ofMillis(100));
    assertThat(b.when("a")).isEqualTo(Duration.ofMillis(200));
    assertThat(b.when("a")).isEqualTo(Duration.ofMillis(400));
    assertThat(b.when("a")).isEqualTo(Duration.ofMillis(800));
    assertThat(b.when("a")).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.when("b")).as("per item").isEqualTo(Duration.ofMillis(100));
    for (int i = 0; i < 100; i++) {
      b.when("a");
    }
    assertThat(b.when("a")).as("no overflow").isEqualTo(Duration.ofSeconds(1));
    b.forget("a");
    assertThat(b.when("a")).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void rejectsBadBounds() {
    assertThatThrownBy(() -> new ExponentialBackoff<>(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExponentialBackoff<>(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
