package org.crater.ejb.notify;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.crater.ejb.common.CraterException;

/**
 * The users' webhooks (table {@code crater_webhook}). Every method takes the user whose webhooks
 * they are: a user reaches only their own.
 */
@Stateless
public class Webhooks {

  /** The most webhooks one user may have. */
  public static final int MAX_PER_USER = 10;

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  /**
   * Adds a webhook for the user, with a new random secret (256 bits), which the answer carries
   * once; 400 for a URL that is not http(s), 409 beyond {@link #MAX_PER_USER}.
   */
  public Created add(long userId, String url) {
    String checked = WebhookUrls.check(url).toString();
    if (list(userId).size() >= MAX_PER_USER) {
      throw new CraterException(
          409, "too-many-webhooks", "A user may have at most " + MAX_PER_USER + " webhooks.");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = HexFormat.of().formatHex(bytes);
    Instant now = clock.instant();
    em.createNativeQuery(
            "INSERT INTO crater_webhook (user_id, url, secret, created_at) VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, userId)
        .setParameter(2, checked)
        .setParameter(3, secret)
        .setParameter(4, Columns.timestamp(now))
        .executeUpdate();
    long id =
        Columns.number(
            em.createNativeQuery(
                    "SELECT MAX(id) FROM crater_webhook WHERE user_id = ?1 AND secret = ?2")
                .setParameter(1, userId)
                .setParameter(2, secret)
                .getSingleResult());
    return new Created(new Webhook(id, checked, now), secret);
  }

  /** The user's webhooks, oldest first. */
  public List<Webhook> list(long userId) {
    return Columns.rows(
            em.createNativeQuery(
                    "SELECT id, url, created_at FROM crater_webhook WHERE user_id = ?1 ORDER BY id")
                .setParameter(1, userId))
        .stream()
        .map(r -> new Webhook(Columns.number(r[0]), (String) r[1], Columns.instant(r[2])))
        .toList();
  }

  /** Removes one of the user's webhooks and its pending calls; false when there is no such one. */
  public boolean remove(long userId, long id) {
    return em.createNativeQuery("DELETE FROM crater_webhook WHERE id = ?1 AND user_id = ?2")
            .setParameter(1, id)
            .setParameter(2, userId)
            .executeUpdate()
        > 0;
  }

  /** What calling the user's webhooks needs. */
  public List<WebhookTarget> targets(long userId) {
    return Columns.rows(
            em.createNativeQuery("SELECT id, url, secret FROM crater_webhook WHERE user_id = ?1")
                .setParameter(1, userId))
        .stream()
        .map(r -> new WebhookTarget(Columns.number(r[0]), (String) r[1], (String) r[2]))
        .toList();
  }

  /** What calling one webhook needs, if it still exists. */
  public Optional<WebhookTarget> target(long id) {
    return Columns.rows(
            em.createNativeQuery("SELECT id, url, secret FROM crater_webhook WHERE id = ?1")
                .setParameter(1, id))
        .stream()
        .map(r -> new WebhookTarget(Columns.number(r[0]), (String) r[1], (String) r[2]))
        .findFirst();
  }

  /**
   * A webhook just made and its secret, shown this once.
   *
   * @param webhook the webhook
   * @param secret the HMAC-SHA256 key its calls are signed with
   */
  public record Created(Webhook webhook, String secret) {

    @Override
    public String toString() {
      return "Created[webhook=" + webhook + "]";
    }
  }
}
