package org.crater.ejb.audit;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crater.ejb.common.NativePage;
import org.crater.ejb.node.LeaderFence;

/**
 * The audit table, {@code crater_audit}: appended in batches, read by administrators, thinned out
 * by the leader. No method updates a row.
 */
@Stateless
public class AuditStore {

  private static final String COLUMNS =
      "created_at, user_id, username, address, method, route, object_type, object_id, status";

  @PersistenceContext private EntityManager em;
  @EJB private LeaderFence fence;

  /** Appends the entries with one multi-row insert in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void append(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("INSERT INTO crater_audit (" + COLUMNS + ") VALUES ");
    for (int i = 0; i < entries.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    Query insert = em.createNativeQuery(sql.toString());
    int p = 1;
    for (AuditEntry e : entries) {
      insert
          .setParameter(p++, Timestamp.from(e.at()))
          .setParameter(p++, e.userId())
          .setParameter(p++, e.username())
          .setParameter(p++, e.address())
          .setParameter(p++, e.method())
          .setParameter(p++, e.route())
          .setParameter(p++, e.objectType())
          .setParameter(p++, e.objectId())
          .setParameter(p++, e.status());
    }
    insert.executeUpdate();
  }

  /** The rows matching {@code query}, newest first, from {@code offset}, at most {@code limit}. */
  public AuditPage page(AuditQuery query, int offset, int limit) {
    AuditConditions where = AuditConditions.of(query);
    Query count = em.createNativeQuery("SELECT COUNT(*) FROM crater_audit" + where.sql());
    Query rows =
        em.createNativeQuery(
            NativePage.of(
                "SELECT id, "
                    + COLUMNS
                    + " FROM crater_audit"
                    + where.sql()
                    + " ORDER BY created_at DESC, id DESC",
                offset,
                limit));
    for (int i = 0; i < where.values().size(); i++) {
      count.setParameter(i + 1, where.values().get(i));
      rows.setParameter(i + 1, where.values().get(i));
    }
    long total = ((Number) count.getSingleResult()).longValue();
    List<AuditPage.Row> items = new ArrayList<>();
    for (Object row : rows.getResultList()) {
      items.add(row((Object[]) row));
    }
    return new AuditPage(items, total);
  }

  /**
   * Deletes at most {@code batch} of the oldest rows written before {@code before}; a write made as
   * leader, so fenced. Returns how many went.
   */
  public int purge(Instant before, int batch, long epoch) {
    List<?> ids =
        em.createNativeQuery("SELECT id FROM crater_audit WHERE created_at < ? ORDER BY id")
            .setParameter(1, Timestamp.from(before))
            .setMaxResults(batch)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    long last = ((Number) ids.get(ids.size() - 1)).longValue();
    int removed =
        em.createNativeQuery("DELETE FROM crater_audit WHERE id <= ? AND created_at < ?")
            .setParameter(1, last)
            .setParameter(2, Timestamp.from(before))
            .executeUpdate();
    fence.check(epoch);
    return removed;
  }

  private static AuditPage.Row row(Object[] r) {
    return new AuditPage.Row(
        ((Number) r[0]).longValue(),
        new AuditEntry(
            instant(r[1]),
            r[2] == null ? null : ((Number) r[2]).longValue(),
            (String) r[3],
            (String) r[4],
            (String) r[5],
            (String) r[6],
            (String) r[7],
            (String) r[8],
            ((Number) r[9]).intValue()));
  }

  private static Instant instant(Object value) {
    if (value instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    return ((Timestamp) value).toInstant();
  }
}
