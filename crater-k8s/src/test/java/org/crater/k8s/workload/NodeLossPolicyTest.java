package org.crater.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NodeLossPolicyTest {

  private final NodeLossPolicy policy = new NodeLossPolicy(60, 60, Duration.ofSeconds(30));
  private final Instant deadline = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aPodIsStuckOnlyLongerThanTheWaitPastItsDeletionDeadline() {
    OffsetDateTime marked = deadline.atOffset(ZoneOffset.UTC);
    assertThat(policy.stuck(marked, deadline.plusSeconds(30))).isFalse();
    assertThat(policy.stuck(marked, deadline.plusSeconds(31))).isTrue();
    assertThat(policy.stuck(null, deadline.plusSeconds(3600))).isFalse();
  }

  @Test
  void refusesNegativeTimes() {
    assertThatThrownBy(() -> new NodeLossPolicy(-1, 60, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NodeLossPolicy(60, 60, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
