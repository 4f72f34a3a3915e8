package org.crater.ejb.auth;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.crater.model.auth.RevokedSession;

/**
 * Keeps {@link RevokedSessions} in step with the database on every replica: once a second it reads
 * the ended sessions that are still in force, so a logout on one replica ends the session's access
 * tokens on all of them within about a second. Once a minute it deletes the rows that have expired.
 * Non-persistent, so it fires in every replica. While the database does not answer, the last set
 * read stays in force.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SessionRevocations {

  private static final Logger LOG = Logger.getLogger(SessionRevocations.class.getName());

  /** An access token is accepted this long past its expiry (the codec's allowed clock skew). */
  static final Duration SKEW = Duration.ofSeconds(TokenCodec.CLOCK_SKEW_SECONDS);

  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private AuthSettings settings;
  @Inject private RevokedSessions revoked;

  // A logout never waits for a refresh, and a slow refresh is never run twice at once.
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Instant lastPurge = Instant.EPOCH;
  private volatile boolean failing;

  /**
   * Ends a session on every replica: its access tokens are refused here at once, elsewhere after
   * the next refresh. Joins the caller's transaction.
   */
  public void revoke(String family) {
    Instant now = clock.instant();
    em.persist(new RevokedSession(family, now, now.plus(settings.accessTtl()).plus(SKEW)));
    revoked.add(family);
  }

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void refresh() {
    if (!refreshing.compareAndSet(false, true)) {
      return;
    }
    Instant now = clock.instant();
    try {
      revoked.replace(
          new HashSet<>(
              em.createNamedQuery(RevokedSession.FAMILIES_IN_FORCE, String.class)
                  .setParameter("now", now)
                  .getResultList()));
      if (!now.isBefore(lastPurge.plus(PURGE_EVERY))) {
        lastPurge = now;
        em.createNamedQuery(RevokedSession.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
      }
      recovered();
    } catch (RuntimeException e) {
      // The database is away or slow: keep refusing what was known, say so once.
      failed(e);
    } finally {
      refreshing.set(false);
    }
  }

  private void recovered() {
    if (failing) {
      failing = false;
      LOG.info(() -> "reading revoked sessions again count=" + revoked.size());
    }
  }

  private void failed(RuntimeException e) {
    if (!failing) {
      failing = true;
      LOG.warning(
          () ->
              "cannot read revoked sessions, keeping the last ones count="
                  + revoked.size()
                  + " cause="
                  + e.getClass().getSimpleName());
    }
  }
}
