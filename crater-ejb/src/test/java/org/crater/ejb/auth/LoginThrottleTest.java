package org.crater.ejb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
    settings.refreshTtl = Duration.ofDays(7);
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
  void refusesTheFourthAttemptAfterThreeFailuresOnOneUsernameWithRetryAfter() {
    for (int i = 0; i < 3; i++) {
      throttle.attempt("alice", "10.0.0." + i);
    }

    assertThatThrownBy(() -> throttle.attempt("alice", "10.0.0.9"))
        .isInstanceOfSatisfying(
            TooManyAttemptsException.class,
            e -> assertThat(e.headers()).containsEntry("Retry-After", "301"));
  }

  @Test
  void refusesTheSixthAttemptAfterFiveFailuresFromOneAddressAcrossUsernames() {
    for (int i = 0; i < 5; i++) {
      throttle.attempt("user" + i, "10.0.0.1");
    }

    assertThatThrownBy(() -> throttle.attempt("user9", "10.0.0.1"))
        .isInstanceOf(TooManyAttemptsException.class);
  }

  @Test
  void successfulLoginsNeverCountAgainstTheirAddress() {
    assertThatCode(
            () -> {
              for (int i = 0; i < 300; i++) {
                throttle.attempt("user" + (i % 7), "10.0.0.1");
                throttle.succeeded("user" + (i % 7), "10.0.0.1");
              }
            })
        .doesNotThrowAnyException();
  }

  @Test
  void aSuccessGivesBackOnlyItsOwnAttemptOfTheAddress() {
    for (int i = 0; i < 4; i++) {
      throttle.attempt("guess" + i, "10.0.0.1");
    }
    throttle.attempt("alice", "10.0.0.1");
    throttle.succeeded("alice", "10.0.0.1");
    throttle.attempt("guess9", "10.0.0.1");

    assertThatThrownBy(() -> throttle.attempt("guess10", "10.0.0.1"))
        .isInstanceOf(TooManyAttemptsException.class);
  }

  @Test
  void aNewWindowStartsAfterTheOldOneEnds() {
    for (int i = 0; i < 3; i++) {
      throttle.attempt("alice", "10.0.0.1");
    }
    now = now.plus(Duration.ofMinutes(5));

    assertThatCode(() -> throttle.attempt("alice", "10.0.0.1")).doesNotThrowAnyException();
  }

  @Test
  void successClearsTheUsernameCount() {
    throttle.attempt("alice", "10.0.0.1");
    throttle.attempt("alice", "10.0.0.1");
    throttle.succeeded("alice", "10.0.0.1");

    assertThatCode(
            () -> {
              throttle.attempt("alice", "10.0.0.2");
              throttle.attempt("alice", "10.0.0.2");
              throttle.attempt("alice", "10.0.0.2");
            })
        .doesNotThrowAnyException();
  }

  @Test
  void theOwnerStillGetsInFromAKnownAddressWhileOthersHoldTheUsernameAtItsLimit() {
    throttle.attempt("alice", "192.0.2.10");
    throttle.succeeded("alice", "192.0.2.10");
    for (int i = 0; i < 3; i++) {
      throttle.attempt("alice", "198.51.100.7");
    }

    assertThatThrownBy(() -> throttle.attempt("alice", "198.51.100.7"))
        .isInstanceOf(TooManyAttemptsException.class);
    assertThatThrownBy(() -> throttle.attempt("alice", "198.51.100.8"))
        .isInstanceOf(TooManyAttemptsException.class);
    assertThatCode(() -> throttle.attempt("alice", "192.0.2.10")).doesNotThrowAnyException();
  }

  @Test
  void aRefusedAttemptCountsNothing() {
    for (int i = 0; i < 3; i++) {
      throttle.attempt("alice", "10.0.0.1");
    }
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> throttle.attempt("alice", "10.0.0.1"))
          .isInstanceOf(TooManyAttemptsException.class);
    }

    assertThatCode(
            () -> {
              throttle.attempt("bob", "10.0.0.1");
              throttle.attempt("carol", "10.0.0.1");
            })
        .doesNotThrowAnyException();
  }
}
