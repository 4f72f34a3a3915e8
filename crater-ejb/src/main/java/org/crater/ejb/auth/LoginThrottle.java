package org.crater.ejb.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins, in fixed windows of {@code crater.auth.login-window}: failures per username
 * ({@code crater.auth.login-attempts}) and, counted apart, failures per client address ({@code
 * crater.auth.address-attempts}, higher, since several people may share one). Only failures count:
 * an attempt is counted as a failure when it starts, so parallel guesses cannot slip past a limit
 * together, and given back when it succeeds. A success clears the username's count and makes the
 * address known for that user for {@code crater.auth.refresh-ttl}: while someone else's failures
 * hold the username at its limit, its owner still gets in from an address they logged in from
 * before (the address limit still applies). Counts are per replica, which only makes the limits a
 * little more lenient.
 */
@ApplicationScoped
public class LoginThrottle {

  private static final int MAX_KEYS = 100_000;

  private record Window(Instant start, int failures) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  /** "username address" of successful logins, to when the address stops being known. */
  private final ConcurrentHashMap<String, Instant> known = new ConcurrentHashMap<>();

  @Inject AuthSettings settings;
  @Inject Clock clock;

  private int limit;
  private int addressLimit;
  private Duration length;
  private Duration knownFor;

  @PostConstruct
  void init() {
    limit = settings.loginAttempts();
    addressLimit = settings.addressAttempts();
    length = settings.loginWindow();
    knownFor = settings.refreshTtl();
  }

  /**
   * Counts one attempt as a failure until {@link #succeeded} says otherwise, or throws {@link
   * TooManyAttemptsException} (counting nothing) when a limit is reached.
   */
  public void attempt(String username, String address) {
    Instant now = clock.instant();
    evictIfFull(now);
    String user = userKey(username);
    take(user, isKnown(username, address, now) ? Integer.MAX_VALUE : limit, now);
    try {
      take(addressKey(address), addressLimit, now);
    } catch (TooManyAttemptsException e) {
      giveBack(user);
      throw e;
    }
  }

  /**
   * A login succeeded: its attempt was no failure, the username starts again from zero, and the
   * address becomes known for the user.
   */
  public void succeeded(String username, String address) {
    windows.remove(userKey(username));
    giveBack(addressKey(address));
    if (known.size() < MAX_KEYS) {
      known.put(username + " " + address, clock.instant().plus(knownFor));
    }
  }

  private boolean isKnown(String username, String address, Instant now) {
    Instant until = known.get(username + " " + address);
    return until != null && now.isBefore(until);
  }

  /** Counts one failure under {@code key}, or throws when {@code max} are counted already. */
  private void take(String key, int max, Instant now) {
    // Checked and counted in one step, so parallel attempts cannot pass the limit together.
    windows.compute(
        key,
        (k, w) -> {
          Window open = w == null || !isOpen(w, now) ? new Window(now, 0) : w;
          if (open.failures() >= max) {
            long retry = Duration.between(now, open.start().plus(length)).toSeconds() + 1;
            throw new TooManyAttemptsException(retry);
          }
          return new Window(open.start(), open.failures() + 1);
        });
  }

  private void giveBack(String key) {
    windows.computeIfPresent(
        key, (k, w) -> w.failures() <= 1 ? null : new Window(w.start(), w.failures() - 1));
  }

  private boolean isOpen(Window window, Instant now) {
    return now.isBefore(window.start().plus(length));
  }

  private void evictIfFull(Instant now) {
    if (windows.size() > MAX_KEYS) {
      windows.values().removeIf(w -> !isOpen(w, now));
    }
    if (known.size() >= MAX_KEYS) {
      known.values().removeIf(until -> !now.isBefore(until));
    }
  }

  private static String userKey(String username) {
    return "u:" + username;
  }

  private static String addressKey(String address) {
    return "a:" + address;
  }
}
