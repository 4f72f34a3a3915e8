package org.crater.ejb.notify;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import org.crater.ejb.common.NativePage;
import org.crater.ejb.node.LeaderFence;
import org.crater.model.notify.Channel;
import org.crater.model.notify.NotificationType;

/**
 * The e-mails and webhook calls to make (table {@code crater_delivery}): queued with the event's
 * other notifications, sent by the leader, retried with backoff, kept as SENT or FAILED.
 */
@Stateless
public class Deliveries {

  /** A delivery's state. */
  public static final String PENDING = "PENDING";

  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";

  @PersistenceContext private EntityManager em;
  @EJB private LeaderFence fence;

  /** Queues one delivery, in the caller's transaction; due at once. */
  public void enqueue(
      JobMove move,
      NotificationType type,
      Channel channel,
      String address,
      Long webhookId,
      String payload,
      Instant now) {
    em.createNativeQuery(
            "INSERT INTO crater_delivery (event_id, user_id, channel, target_key, address,"
                + " webhook_id, type, payload, status, attempts, next_at, created_at, updated_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PENDING', 0, ?9, ?9, ?9)")
        .setParameter(1, move.eventId())
        .setParameter(2, move.ownerId())
        .setParameter(3, channel.name())
        .setParameter(4, webhookId == null ? "email" : "webhook:" + webhookId)
        .setParameter(5, address)
        .setParameter(6, webhookId)
        .setParameter(7, type.name())
        .setParameter(8, payload)
        .setParameter(9, Columns.timestamp(now))
        .executeUpdate();
  }

  /** The pending deliveries due at {@code now}, oldest first. */
  public List<Delivery> due(Instant now, int limit) {
    return Columns.rows(
            em.createNativeQuery(
                    "SELECT id, event_id, channel, address, webhook_id, payload, attempts"
                        + " FROM crater_delivery WHERE status = 'PENDING' AND next_at <= ?1"
                        + " ORDER BY next_at, id")
                .setParameter(1, Columns.timestamp(now))
                .setMaxResults(limit))
        .stream()
        .map(
            r ->
                new Delivery(
                    Columns.number(r[0]),
                    Columns.number(r[1]),
                    Channel.valueOf((String) r[2]),
                    (String) r[3],
                    Columns.numberOrNull(r[4]),
                    (String) r[5],
                    (int) Columns.number(r[6])))
        .toList();
  }

  /**
   * Records a try's outcome, a write made as leader: sent, or failed with the error and the next
   * try's time (null: out of attempts, FAILED for good).
   */
  public void recordOutcome(
      long id, int attempts, String error, Instant nextAt, Instant now, long epoch) {
    String status = error == null ? SENT : nextAt == null ? FAILED : PENDING;
    em.createNativeQuery(
            "UPDATE crater_delivery SET status = ?2, attempts = ?3, last_error = ?4,"
                + " next_at = ?5, updated_at = ?6 WHERE id = ?1 AND status = 'PENDING'")
        .setParameter(1, id)
        .setParameter(2, status)
        .setParameter(3, attempts)
        .setParameter(4, error == null ? null : bounded(error))
        .setParameter(5, Columns.timestamp(nextAt == null ? now : nextAt))
        .setParameter(6, Columns.timestamp(now))
        .executeUpdate();
    fence.check(epoch);
  }

  /** Deliveries in a state (all with null), newest change first, for administrators. */
  public List<DeliveryRecord> list(String status, int offset, int limit) {
    Query query =
        em.createNativeQuery(
            NativePage.of(
                "SELECT d.id, u.username, d.channel, COALESCE(d.address, w.url), d.type,"
                    + " d.status, d.attempts, d.last_error, d.next_at, d.updated_at"
                    + " FROM crater_delivery d JOIN crater_user u ON u.id = d.user_id"
                    + " LEFT JOIN crater_webhook w ON w.id = d.webhook_id"
                    + (status == null ? "" : " WHERE d.status = ?1")
                    + " ORDER BY d.updated_at DESC, d.id DESC",
                offset,
                limit));
    if (status != null) {
      query.setParameter(1, status);
    }
    return Columns.rows(query).stream().map(Deliveries::record).toList();
  }

  /** How many deliveries are in a state (all with null). */
  public long count(String status) {
    Query query =
        em.createNativeQuery(
            "SELECT COUNT(*) FROM crater_delivery" + (status == null ? "" : " WHERE status = ?1"));
    if (status != null) {
      query.setParameter(1, status);
    }
    return Columns.number(query.getSingleResult());
  }

  private static DeliveryRecord record(Object[] r) {
    boolean pending = PENDING.equals(r[5]);
    return new DeliveryRecord(
        Columns.number(r[0]),
        (String) r[1],
        Channel.valueOf((String) r[2]),
        (String) r[3],
        NotificationType.valueOf((String) r[4]),
        (String) r[5],
        (int) Columns.number(r[6]),
        (String) r[7],
        pending ? Columns.instant(r[8]) : null,
        Columns.instant(r[9]));
  }

  private static String bounded(String error) {
    return error.length() <= 1024 ? error : error.substring(0, 1024);
  }
}
