package org.crater.ejb.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits login attempts per username ({@code crater.auth.login-attempts}) and per client address
 * ({@code crater.auth.address-attempts}, higher, since several people may share one) in fixed
 * windows of {@code crater.auth.login-window}. A successful login clears the username's count.
 * Counts are per replica, which only makes the limit a little more lenient.
 */
@ApplicationScoped
public class LoginThrottle {

  private static final int MAX_KEYS = 100_000;

  private record Window(Instant start, int attempts) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  @Inject AuthSettings settings;
  @Inject Clock clock;

  private int limit;
  private int addressLimit;
  private Duration length;

  @PostConstruct
  void init() {
    limit = settings.loginAttempts();
    addressLimit = settings.addressAttempts();
    length = settings.loginWindow();
  }

  /** Counts one attempt, or throws {@link TooManyAttemptsException} when a limit is reached. */
  public void attempt(String username, String address) {
    Instant now = clock.instant();
    if (windows.size() > MAX_KEYS) {
      windows.values().removeIf(w -> !now.isBefore(w.start().plus(length)));
    }
    count("u:" + username, limit, now);
    count("a:" + address, addressLimit, now);
  }

  /** Forgets the username's attempts after a successful login. */
  public void succeeded(String username) {
    windows.remove("u:" + username);
  }

  private void count(String key, int max, Instant now) {
    Window window =
        windows.compute(
            key,
            (k, w) ->
                w == null || !now.isBefore(w.start().plus(length))
                    ? new Window(now, 1)
                    : new Window(w.start(), w.attempts() + 1));
    if (window.attempts() > max) {
      long retry = Duration.between(now, window.start().plus(length)).toSeconds() + 1;
      throw new TooManyAttemptsException(retry);
    }
  }
}
