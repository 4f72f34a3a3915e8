package org.crater.ejb.reconcile;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crater.ejb.node.LeaderFence;
import org.crater.k8s.gateway.LogTail;

/**
 * The kept tails of finished jobs' logs (table {@code crater_job_log}): written once per job by the
 * leader before the job's objects leave the cluster, read by whoever asks for the job's log.
 */
@Stateless
public class KeptLogs {

  @PersistenceContext private EntityManager em;
  @EJB private LeaderFence fence;

  /** Whether the job's log has been kept. */
  public boolean has(long jobId) {
    return !em.createNativeQuery("SELECT job_id FROM crater_job_log WHERE job_id = ?1")
        .setParameter(1, jobId)
        .getResultList()
        .isEmpty();
  }

  /**
   * Keeps the tail of the job's log unless one is kept already (so repeating it changes nothing); a
   * write made as leader, fenced by {@code epoch}.
   */
  public void keep(long jobId, int attempt, LogTail tail, Instant now, long epoch) {
    if (has(jobId)) {
      return;
    }
    em.createNativeQuery(
            "INSERT INTO crater_job_log (job_id, attempt, kept_at, truncated, body)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, jobId)
        .setParameter(2, attempt)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, tail.truncated())
        .setParameter(5, tail.text().getBytes(StandardCharsets.UTF_8))
        .executeUpdate();
    fence.check(epoch);
  }

  /** The job's kept log; empty while its objects (and so its live log) are still there. */
  public Optional<KeptLog> read(long jobId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT attempt, truncated, body FROM crater_job_log WHERE job_id = ?1")
            .setParameter(1, jobId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new KeptLog(
            ((Number) row[0]).intValue(),
            new String(bytes(row[2]), StandardCharsets.UTF_8),
            truthy(row[1])));
  }

  /** MySQL answers a BOOLEAN column with a number or a boolean, H2 with a boolean. */
  private static boolean truthy(Object column) {
    return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
  }

  /** MySQL answers a BLOB column with bytes, H2 with a Blob. */
  private static byte[] bytes(Object column) {
    try {
      return column instanceof Blob blob ? blob.getBytes(1, (int) blob.length()) : (byte[]) column;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a kept log", e);
    }
  }
}
