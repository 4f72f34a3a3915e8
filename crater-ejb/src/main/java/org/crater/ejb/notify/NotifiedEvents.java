package org.crater.ejb.notify;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.crater.model.job.JobPhase;
import org.crater.model.job.PolicyReason;
import org.crater.model.notify.NotificationType;

/**
 * Which job events have been turned into notifications (table {@code crater_notified_event}). Ids
 * of job events are handed out in blocks per replica and committed in any order, so progress is not
 * a highest id: each handled event is marked, in the transaction that writes its notifications, and
 * the leader reads the unmarked events of the look-back window.
 */
@Stateless
public class NotifiedEvents {

  private static final String PHASES =
      NotificationType.phases().stream()
          .map(p -> "'" + p.name() + "'")
          .collect(Collectors.joining(", "));
  private static final String REASONS =
      java.util.Arrays.stream(PolicyReason.values())
          .map(r -> "'" + r.code() + "'")
          .collect(Collectors.joining(", "));

  @PersistenceContext private EntityManager em;

  /**
   * Where looking starts: the time the first leader of this version started (set now if unset), so
   * the events before the upgrade are never notified.
   */
  public Instant since(Instant now) {
    Object since =
        em.createNativeQuery("SELECT since FROM crater_notify_state WHERE id = 1")
            .getSingleResult();
    if (since != null) {
      return Columns.instant(since);
    }
    em.createNativeQuery("UPDATE crater_notify_state SET since = ?1 WHERE id = 1 AND since IS NULL")
        .setParameter(1, Columns.timestamp(now))
        .executeUpdate();
    return now;
  }

  /** The events at or after {@code from} that may be news and are not marked, oldest first. */
  public List<JobMove> unmarked(Instant from, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT e.id, e.at, j.id, j.name, u.id, u.username, u.email, e.from_phase,"
                    + " e.to_phase, e.reason, e.message"
                    + " FROM crater_job_event e"
                    + " JOIN crater_job j ON j.id = e.job_id"
                    + " JOIN crater_user u ON u.id = j.owner_id"
                    + " WHERE e.at >= ?1"
                    + " AND (e.to_phase IN ("
                    + PHASES
                    + ") OR e.reason IN ("
                    + REASONS
                    + "))"
                    + " AND NOT EXISTS (SELECT 1 FROM crater_notified_event n"
                    + " WHERE n.event_id = e.id)"
                    + " ORDER BY e.at, e.id")
            .setParameter(1, Columns.timestamp(from))
            .setMaxResults(limit)
            .getResultList();
    return rows.stream().map(Object[].class::cast).map(NotifiedEvents::move).toList();
  }

  /** Marks the event handled; fails (unique key) if it was already, which rolls back the batch. */
  public void mark(JobMove move) {
    em.createNativeQuery("INSERT INTO crater_notified_event (event_id, event_at) VALUES (?1, ?2)")
        .setParameter(1, move.eventId())
        .setParameter(2, Columns.timestamp(move.at()))
        .executeUpdate();
  }

  /** Forgets the marks of events before {@code before}, which are outside the window for good. */
  public int prune(Instant before) {
    return em.createNativeQuery("DELETE FROM crater_notified_event WHERE event_at < ?1")
        .setParameter(1, Columns.timestamp(before))
        .executeUpdate();
  }

  private static JobMove move(Object[] r) {
    return new JobMove(
        Columns.number(r[0]),
        Columns.instant(r[1]),
        Columns.number(r[2]),
        (String) r[3],
        Columns.number(r[4]),
        (String) r[5],
        (String) r[6],
        r[7] == null ? null : JobPhase.valueOf((String) r[7]),
        JobPhase.valueOf((String) r[8]),
        (String) r[9],
        (String) r[10]);
  }
}
