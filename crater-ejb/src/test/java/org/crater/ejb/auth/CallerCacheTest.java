package org.crater.ejb.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.crater.ejb.user.UserChanged;
import org.crater.model.user.PlatformRole;
import org.junit.jupiter.api.Test;

class CallerCacheTest {

  private long now = 1_000_000_000L;
  private final CallerCache cache = new CallerCache(() -> now, Duration.ofSeconds(1));

  private static CallerCache.Caller alice(PlatformRole role, boolean active) {
    return new CallerCache.Caller(new Principal(7, "alice", role), active);
  }

  @Test
  void aCallerIsServedUntilItIsAsOldAsTheMaximumAge() {
    cache.put(alice(PlatformRole.USER, true));
    now += Duration.ofMillis(999).toNanos();
    assertThat(cache.fresh(7)).contains(alice(PlatformRole.USER, true));
    now += Duration.ofMillis(1).toNanos();
    assertThat(cache.fresh(7)).isEmpty();
  }

  @Test
  void aChangedUserIsReadAgainAtOnce() {
    cache.put(alice(PlatformRole.USER, true));
    cache.forget(new UserChanged(7));
    assertThat(cache.fresh(7)).isEmpty();
    cache.put(alice(PlatformRole.ADMIN, false));
    assertThat(cache.fresh(7)).contains(alice(PlatformRole.ADMIN, false));
  }

  @Test
  void anotherUsersChangeLeavesTheCallerCached() {
    cache.put(alice(PlatformRole.USER, true));
    cache.forget(new UserChanged(8));
    assertThat(cache.fresh(7)).isPresent();
    assertThat(cache.fresh(8)).isEmpty();
  }

  @Test
  void aZeroAgeCachesNothing() {
    CallerCache off = new CallerCache(() -> now, Duration.ZERO);
    off.put(alice(PlatformRole.USER, true));
    assertThat(off.fresh(7)).isEmpty();
    assertThat(off.size()).isZero();
  }

  @Test
  void theCacheStartsOverRatherThanGrowWithoutBound() {
    for (long id = 0; id < CallerCache.MAX_ENTRIES; id++) {
      cache.put(new CallerCache.Caller(new Principal(id, "u" + id, PlatformRole.USER), true));
    }
    cache.put(new CallerCache.Caller(new Principal(-1, "late", PlatformRole.USER), true));
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.fresh(-1)).isPresent();
  }
}
