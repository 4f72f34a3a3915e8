package org.crater.model.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final Duration GRACE = Duration.ofSeconds(30);

  private static RefreshToken token() {
    return new RefreshToken("t1", "family", 7L, NOW, NOW.plus(Duration.ofDays(7)));
  }

  @Test
  void rotatesOnceAndRemembersItsSuccessor() {
    RefreshToken token = token();

    assertThat(token.rotate("t2", NOW)).isTrue();
    assertThat(token.rotate("t3", NOW)).as("a second rotation is a reuse").isFalse();
    assertThat(token.getState()).isEqualTo(RefreshTokenState.USED);
    assertThat(token.getReplacedBy()).isEqualTo("t2");
    assertThat(token.getUsedAt()).isEqualTo(NOW);
  }

  @Test
  void aRotatedTokenIsWithinTheGraceUntilItEnds() {
    RefreshToken token = token();
    token.rotate("t2", NOW);

    assertThat(token.rotatedWithin(GRACE, NOW)).isTrue();
    assertThat(token.rotatedWithin(GRACE, NOW.plus(GRACE).minusMillis(1))).isTrue();
    assertThat(token.rotatedWithin(GRACE, NOW.plus(GRACE))).isFalse();
  }

  @Test
  void anActiveTokenIsNotWithinAnyGrace() {
    assertThat(token().rotatedWithin(GRACE, NOW)).isFalse();
  }
}
