package org.crater.ejb.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.crater.ejb.reconcile.RetentionSettings.Retention;
import org.junit.jupiter.api.Test;

class RetentionTest {

  private static final Instant FINISHED = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void objectsStayForTheRetentionAfterTheJobFinished() {
    Retention day = new Retention(Duration.ofDays(1), 1024);

    assertThat(day.remaining(FINISHED, FINISHED)).isEqualTo(Duration.ofDays(1));
    assertThat(day.remaining(FINISHED, FINISHED.plusSeconds(3600))).isEqualTo(Duration.ofHours(23));
    assertThat(day.remaining(FINISHED, FINISHED.plus(Duration.ofDays(1)))).isZero();
    assertThat(day.remaining(FINISHED, FINISHED.plus(Duration.ofDays(3)))).isZero();
  }

  @Test
  void aRetentionOfNothingLetsThemGoAtOnce() {
    assertThat(new Retention(Duration.ZERO, 1024).remaining(FINISHED, FINISHED)).isZero();
  }

  @Test
  void aJobWithoutAFinishingTimeHasNoRetentionLeft() {
    assertThat(new Retention(Duration.ofDays(1), 1024).remaining(null, FINISHED)).isZero();
  }

  @Test
  void aNegativeLogBoundIsRefused() {
    assertThatThrownBy(() -> new Retention(Duration.ZERO, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("crater.jobs.kept-log-bytes");
  }
}
