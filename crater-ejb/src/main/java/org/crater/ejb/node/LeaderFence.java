package org.crater.ejb.node;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The leadership epoch in the database, a fencing token. A replica that gains the Lease {@link
 * #claim}s the next epoch; every write it makes as leader calls {@link #check} last, in the same
 * transaction. The check reads the epoch under a shared lock held until the commit, and a claim
 * updates it under an exclusive one, so the two never interleave: a claim waits for the writes in
 * flight under the old epoch, and every write after it fails. (H2, the single-replica embedded
 * default, has no shared lock and takes an exclusive one.)
 *
 * <p>A write in flight of a leader that stopped between its check and its commit (frozen, or cut
 * off with its connection open) would hold a claim up until that process went on, which may be
 * never. So the claimant {@link #endClaimBlockers ends} the transactions that have held its claim
 * up for a while: rolled back, such a write never happened, and the fence is intact.
 */
@Stateless
public class LeaderFence {

  private static final Logger LOG = Logger.getLogger(LeaderFence.class.getName());
  private static final String READ = "SELECT epoch FROM crater_leadership WHERE id = 1";
  private static final String CLAIM = "UPDATE crater_leadership SET epoch = epoch + 1";

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "crater.db.url")
  String url;

  /** Bumps the epoch for {@code holder} and returns it; commits before returning. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long claim(String holder) {
    em.createNativeQuery(CLAIM + ", holder = ?1, since = ?2 WHERE id = 1")
        .setParameter(1, holder)
        .setParameter(2, Timestamp.from(clock.instant()))
        .executeUpdate();
    long epoch = read(" FOR UPDATE");
    LOG.info(() -> "claimed leadership epoch=" + epoch + " holder=" + holder);
    return epoch;
  }

  /**
   * Fails the caller's transaction with {@link FencedException} unless {@code epoch} is still the
   * leadership's epoch; otherwise keeps it so until the transaction ends.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void check(long epoch) {
    long current = read(h2() ? " FOR UPDATE" : " LOCK IN SHARE MODE");
    if (current != epoch) {
      throw new FencedException(epoch, current);
    }
  }

  /**
   * Ends, by closing their connections, the transactions that have held up a claim of the epoch for
   * at least {@code blockedFor} (whole seconds); answers how many. MariaDB and MySQL only (their
   * {@code sys} schema; the database user needs the PROCESS privilege); none on H2.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int endClaimBlockers(Duration blockedFor) {
    if (h2()) {
      return 0;
    }
    List<?> blockers =
        em.createNativeQuery(
                "SELECT DISTINCT blocking_pid FROM sys.x$innodb_lock_waits"
                    + " WHERE locked_table LIKE '%`crater_leadership`'"
                    + " AND waiting_query LIKE ?1 AND wait_age_secs >= ?2")
            .setParameter(1, CLAIM + "%")
            .setParameter(2, blockedFor.toSeconds())
            .getResultList();
    for (Object blocker : blockers) {
      long pid = ((Number) blocker).longValue();
      em.createNativeQuery("KILL CONNECTION " + pid).executeUpdate();
      LOG.warning(() -> "ended connection=" + pid + " that held up the claim of the epoch");
    }
    return blockers.size();
  }

  private boolean h2() {
    return url.startsWith("jdbc:h2:");
  }

  private long read(String lock) {
    return ((Number) em.createNativeQuery(READ + lock).getSingleResult()).longValue();
  }
}
