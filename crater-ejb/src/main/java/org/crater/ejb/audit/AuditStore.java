package org.crater.ejb.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.crater.ejb.common.NativePage;
import org.crater.ejb.common.SchemaMigration;
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

  @Resource(lookup = SchemaMigration.DATASOURCE)
  private DataSource dataSource;

  @EJB private LeaderFence fence;

  /**
   * Appends the entries with one multi-row insert in a transaction of its own. The statement is
   * bound through JDBC: the persistence provider looks every positional parameter up among the
   * others, which made a batch of a few hundred entries cost a noticeable share of the CPU.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void append(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("INSERT INTO crater_audit (" + COLUMNS + ") VALUES ");
    for (int i = 0; i < entries.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int p = 1;
      for (AuditEntry e : entries) {
        insert.setTimestamp(p++, Timestamp.from(e.at()));
        insert.setObject(p++, e.userId(), Types.BIGINT);
        insert.setString(p++, e.username());
        insert.setString(p++, e.address());
        insert.setString(p++, e.method());
        insert.setString(p++, e.route());
        insert.setString(p++, e.objectType());
        insert.setString(p++, e.objectId());
        insert.setInt(p++, e.status());
      }
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("audit entries not written state=" + e.getSQLState(), e);
    }
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
