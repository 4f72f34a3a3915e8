package org.crater.ejb.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.crater.ejb.user.UserChanged;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The callers this replica authenticated lately, by user id, so a request's token check needs no
 * database read. Invariant: an entry is at most {@code crater.auth.caller-cache} old (default 1 s)
 * and is dropped on this replica as soon as the user's role or status changes or the user is
 * deleted here; a change made through another replica takes effect here within that age, like a
 * logout ({@link SessionRevocations}). A zero age turns the cache off.
 */
@ApplicationScoped
public class CallerCache {

  /** Beyond this many callers the cache starts over rather than grow without bound. */
  static final int MAX_ENTRIES = 100_000;

  /**
   * What authentication needs to know of a user.
   *
   * @param principal the user as a caller
   * @param active whether the user may act
   */
  public record Caller(Principal principal, boolean active) {}

  private record Entry(Caller caller, long readAt) {}

  private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  @Inject
  @ConfigProperty(name = "crater.auth.caller-cache", defaultValue = "PT1S")
  Duration maxAge;

  public CallerCache() {
    this(System::nanoTime, Duration.ofSeconds(1));
  }

  CallerCache(LongSupplier nanoTime, Duration maxAge) {
    this.nanoTime = nanoTime;
    this.maxAge = maxAge;
  }

  /** The caller read less than the maximum age ago, if any. */
  public Optional<Caller> fresh(long userId) {
    Entry entry = entries.get(userId);
    if (entry == null || nanoTime.getAsLong() - entry.readAt() >= maxAge.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(entry.caller());
  }

  /** Remembers the caller as just read from the database. */
  public void put(Caller caller) {
    if (maxAge.isZero()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(caller.principal().userId(), new Entry(caller, nanoTime.getAsLong()));
  }

  /**
   * The user changed or is gone: the next request reads it from the database. Dropped when the
   * change is committed (or rolled back), so a request that read the user just before cannot keep
   * the old state.
   */
  void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) UserChanged change) {
    entries.remove(change.userId());
  }

  int size() {
    return entries.size();
  }
}
