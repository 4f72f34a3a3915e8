package org.crater.ejb.notify;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crater.ejb.common.NativePage;
import org.crater.model.notify.NotificationType;

/**
 * The users' in-API lists (table {@code crater_notification}). Every method takes the user whose
 * list it is: a user reaches only their own entries.
 */
@Stateless
public class NotificationInbox {

  /** Which entries a list shows. */
  public enum Filter {
    ALL,
    UNREAD,
    READ
  }

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  /** Adds the entry for an event, in the caller's transaction. */
  public void add(JobMove move, NotificationType type, String title, String message, Instant now) {
    em.createNativeQuery(
            "INSERT INTO crater_notification (user_id, event_id, job_id, type, title, message,"
                + " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, move.ownerId())
        .setParameter(2, move.eventId())
        .setParameter(3, move.jobId())
        .setParameter(4, type.name())
        .setParameter(5, title)
        .setParameter(6, message)
        .setParameter(7, Columns.timestamp(now))
        .executeUpdate();
  }

  /** The user's entries, newest first. */
  public NotificationPage list(long userId, Filter filter, int offset, int limit) {
    String where = " WHERE user_id = ?1" + condition(filter);
    List<?> rows =
        em.createNativeQuery(
                NativePage.of(
                    "SELECT id, job_id, type, title, message, created_at, read_at"
                        + " FROM crater_notification"
                        + where
                        + " ORDER BY id DESC",
                    offset,
                    limit))
            .setParameter(1, userId)
            .getResultList();
    List<Notification> items =
        rows.stream().map(Object[].class::cast).map(NotificationInbox::entry).toList();
    return new NotificationPage(
        items,
        count(where, userId),
        count(" WHERE user_id = ?1" + condition(Filter.UNREAD), userId));
  }

  /** Marks one of the user's entries read or unread; empty when the user has no such entry. */
  public Optional<Notification> mark(long userId, long id, boolean read) {
    em.createNativeQuery(
            "UPDATE crater_notification SET read_at = "
                + (read ? "COALESCE(read_at, ?3)" : "NULL")
                + " WHERE id = ?1 AND user_id = ?2")
        .setParameter(1, id)
        .setParameter(2, userId)
        .setParameter(3, Columns.timestamp(clock.instant()))
        .executeUpdate();
    return Columns.rows(
            em.createNativeQuery(
                    "SELECT id, job_id, type, title, message, created_at, read_at"
                        + " FROM crater_notification WHERE id = ?1 AND user_id = ?2")
                .setParameter(1, id)
                .setParameter(2, userId))
        .stream()
        .map(NotificationInbox::entry)
        .findFirst();
  }

  /** Marks all the user's unread entries read; answers how many. */
  public int markAllRead(long userId) {
    return em.createNativeQuery(
            "UPDATE crater_notification SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL")
        .setParameter(1, userId)
        .setParameter(2, Columns.timestamp(clock.instant()))
        .executeUpdate();
  }

  private long count(String where, long userId) {
    return Columns.number(
        em.createNativeQuery("SELECT COUNT(*) FROM crater_notification" + where)
            .setParameter(1, userId)
            .getSingleResult());
  }

  private static String condition(Filter filter) {
    return switch (filter) {
      case ALL -> "";
      case UNREAD -> " AND read_at IS NULL";
      case READ -> " AND read_at IS NOT NULL";
    };
  }

  private static Notification entry(Object[] r) {
    return new Notification(
        Columns.number(r[0]),
        Columns.number(r[1]),
        NotificationType.valueOf((String) r[2]),
        (String) r[3],
        (String) r[4],
        Columns.instant(r[5]),
        Columns.instant(r[6]));
  }
}
