package org.crater.ejb.notify;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crater.ejb.node.LeaderFence;
import org.crater.model.notify.Channel;
import org.crater.model.notify.NotificationType;

/**
 * Turns a batch of job events into notifications, in one transaction made as leader and fenced by
 * its epoch: each event is marked handled together with the in-API entry and the queued e-mail and
 * webhook calls it makes, so a restart or a new leader neither loses nor repeats any of them.
 */
@Stateless
public class NotificationWriter {

  /** Marks are kept this long past the look-back window before they are forgotten. */
  private static final Duration MARGIN = Duration.ofHours(1);

  @PersistenceContext private EntityManager em;
  @EJB private NotifiedEvents events;
  @EJB private NotificationInbox inbox;
  @EJB private PreferenceStore preferences;
  @EJB private Webhooks webhooks;
  @EJB private Deliveries deliveries;
  @EJB private LeaderFence fence;
  @Inject private MailSettings mail;

  /**
   * Handles up to {@code limit} unhandled events of the window {@code lookback} before {@code now}
   * (never before the first leader of this version started); answers how many.
   */
  public int handleBatch(Instant now, Duration lookback, int limit, long epoch) {
    Instant since = events.since(now);
    Instant window = now.minus(lookback);
    List<JobMove> moves = events.unmarked(since.isAfter(window) ? since : window, limit);
    Map<Long, Preferences> prefs = new HashMap<>();
    for (JobMove move : moves) {
      events.mark(move);
      Optional<NotificationType> type = NotificationType.of(move.from(), move.to(), move.reason());
      if (type.isPresent()) {
        Preferences chosen = prefs.computeIfAbsent(move.ownerId(), preferences::of);
        notify(move, type.get(), chosen, now);
      }
    }
    em.flush();
    fence.check(epoch);
    return moves.size();
  }

  /** Forgets the marks of events outside the window for good; a write made as leader. */
  public int prune(Instant now, Duration lookback, long epoch) {
    int removed = events.prune(now.minus(lookback).minus(MARGIN));
    fence.check(epoch);
    return removed;
  }

  private void notify(JobMove move, NotificationType type, Preferences chosen, Instant now) {
    if (chosen.on(type, Channel.IN_API)) {
      inbox.add(move, type, Payloads.title(move, type), Payloads.text(move), now);
    }
    String payload = null;
    if (chosen.on(type, Channel.EMAIL) && mail.configured() && hasAddress(move)) {
      payload = Payloads.json(move, type);
      deliveries.enqueue(move, type, Channel.EMAIL, move.email(), null, payload, now);
    }
    if (chosen.on(type, Channel.WEBHOOK)) {
      for (WebhookTarget hook : webhooks.targets(move.ownerId())) {
        payload = payload == null ? Payloads.json(move, type) : payload;
        deliveries.enqueue(move, type, Channel.WEBHOOK, null, hook.id(), payload, now);
      }
    }
  }

  private static boolean hasAddress(JobMove move) {
    return move.email() != null && !move.email().isBlank();
  }
}
