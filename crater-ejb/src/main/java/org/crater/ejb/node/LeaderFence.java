package org.crater.ejb.node;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The leadership epoch in the database, a fencing token. A replica that gains the Lease {@link
 * #claim}s the next epoch; every write it makes as leader calls {@link #check} last, in the same
 * transaction. The check reads the epoch under a shared lock held until the commit, and a claim
 * updates it under an exclusive one, so the two never interleave: a claim waits for the writes in
 * flight under the old epoch, and every write after it fails. (H2, the single-replica embedded
 * default, has no shared lock and takes an exclusive one.)
 */
@Stateless
public class LeaderFence {

  private static final Logger LOG = Logger.getLogger(LeaderFence.class.getName());
  private static final String READ = "SELECT epoch FROM crater_leadership WHERE id = 1";

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "crater.db.url")
  String url;

  /** Bumps the epoch for {@code holder} and returns it; commits before returning. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long claim(String holder) {
    em.createNativeQuery(
            "UPDATE crater_leadership SET epoch = epoch + 1, holder = ?1, since = ?2 WHERE id = 1")
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
    long current = read(url.startsWith("jdbc:h2:") ? " FOR UPDATE" : " LOCK IN SHARE MODE");
    if (current != epoch) {
      throw new FencedException(epoch, current);
    }
  }

  private long read(String lock) {
    return ((Number) em.createNativeQuery(READ + lock).getSingleResult()).longValue();
  }
}
