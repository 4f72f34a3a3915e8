package org.crater.ejb.replica;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.crater.ejb.node.LeaderFence;

/** The change feed's table: appended by the replicas that do not lead, read by the leader. */
@Stateless
public class ChangeLog {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @EJB private LeaderFence fence;

  /** Appends a row per job (or one row without a job), in the caller's transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void append(String kind, Collection<Long> jobIds) {
    List<Long> ids =
        jobIds.isEmpty() ? java.util.Collections.singletonList(null) : List.copyOf(jobIds);
    StringBuilder sql =
        new StringBuilder("INSERT INTO crater_change (kind, job_id, created_at) VALUES ");
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?)");
    }
    Query insert = em.createNativeQuery(sql.toString());
    Timestamp now = Timestamp.from(clock.instant());
    for (int i = 0; i < ids.size(); i++) {
      insert
          .setParameter(3 * i + 1, kind)
          .setParameter(3 * i + 2, ids.get(i))
          .setParameter(3 * i + 3, now);
    }
    insert.executeUpdate();
  }

  /** The rows after {@code id}, oldest first, at most {@code limit}. */
  public List<Change> after(long id, int limit) {
    List<?> rows =
        em.createNativeQuery("SELECT id, kind, job_id FROM crater_change WHERE id > ?1 ORDER BY id")
            .setParameter(1, id)
            .setMaxResults(limit)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new Change(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    r[2] == null ? null : ((Number) r[2]).longValue()))
        .toList();
  }

  /** The id of the newest row, 0 when there is none. */
  public long newest() {
    Object max = em.createNativeQuery("SELECT MAX(id) FROM crater_change").getSingleResult();
    return max == null ? 0 : ((Number) max).longValue();
  }

  /** Removes the rows written before {@code before}; a write made as leader, so fenced. */
  public int prune(Instant before, long epoch) {
    int removed =
        em.createNativeQuery("DELETE FROM crater_change WHERE created_at < ?1")
            .setParameter(1, Timestamp.from(before))
            .executeUpdate();
    fence.check(epoch);
    return removed;
  }
}
