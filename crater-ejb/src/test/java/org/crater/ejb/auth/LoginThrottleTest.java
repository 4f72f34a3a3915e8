package org.crater.ejb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private Instant now = Instant.parse("2026-11-28T10:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle();

  @BeforeEach
  void configure() {
    AuthSettings settings = new AuthSettings();
    settings.loginAttempts = 3;
    settings.addressAttempts = 5;
    settings.loginWindow = Duration.ofMinutes(5);
    throttle.settings = settings;
    throttle.clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    throttle.init();
  }

  @Test
  void refusesTheFourthAttemptOnOneUsernameWithRetryAfter() {
    for (int i = 0; i < 3; i++) {
      throttle.attempt("alice", "10.0.0." + i);
    }

    assertThatThrownBy(() -> throttle.attempt("alice", "10.0.0.9"))
        .isInstanceOfSatisfying(
            TooManyAttemptsException.class,
            e -> assertThat(e.headers()).containsEntry("Retry-After", "301"));
  }

  @Test
  void refusesTheSixthAttemptFromOneAddressAcrossUsernames() {
    for (int i = 0; i < 5; i++) {
      throttle.attempt("user" + i, "10.0.0.1");
    }

    assertThatThrownBy(() -> throttle.attempt("user9", "10.0.0.1"))
        .isInstanceOf(TooManyAttemptsException.class);
  }

  @Test
  void aNewWindowStartsAfterTheOldOneEnds() {
    for (int i = 0; i < 3; i++) {
      throttle.attempt("alice", "10.0.0.1");
    }
    now = now.plus(Duration.ofMinutes(5));

    throttle.attempt("alice", "10.0.0.1");
  }

  @Test
  void successClearsTheUsernameCount() {
    throttle.attempt("alice", "10.0.0.1");
    throttle.attempt("alice", "10.0.0.1");
    throttle.succeeded("alice");

    throttle.attempt("alice", "10.0.0.2");
    throttle.attempt("alice", "10.0.0.2");
    throttle.attempt("alice", "10.0.0.2");
  }
}
