package org.crater.ejb.scheduler;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crater.ejb.node.LeaderFence;

/**
 * Where the leader publishes why queued jobs wait, for the replicas that do not plan: one row,
 * rewritten whole (see {@link WaitingCodec}).
 */
@Stateless
public class WaitingBoard {

  @PersistenceContext private EntityManager em;
  @EJB private LeaderFence fence;

  /** Replaces the published view; a write made as leader, so fenced by {@code epoch}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void publish(Map<Long, Waiting> waiting, Instant takenAt, long epoch) {
    em.createNativeQuery(
            "UPDATE crater_waiting SET epoch = ?1, taken_at = ?2, body = ?3 WHERE id = 1")
        .setParameter(1, epoch)
        .setParameter(2, Timestamp.from(takenAt))
        .setParameter(3, WaitingCodec.encode(waiting))
        .executeUpdate();
    fence.check(epoch);
  }

  /** The view last published; empty before the first. */
  public Map<Long, Waiting> read() {
    List<?> body =
        em.createNativeQuery("SELECT body FROM crater_waiting WHERE id = 1").getResultList();
    return body.isEmpty() ? Map.of() : WaitingCodec.decode(bytes(body.get(0)));
  }

  /** MySQL answers a BLOB column with bytes, H2 with a Blob. */
  private static byte[] bytes(Object column) {
    try {
      return column instanceof Blob blob ? blob.getBytes(1, (int) blob.length()) : (byte[]) column;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the published waiting view", e);
    }
  }
}
