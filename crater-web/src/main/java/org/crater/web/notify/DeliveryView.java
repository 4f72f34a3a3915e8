package org.crater.web.notify;

import java.time.Instant;
import org.crater.ejb.notify.DeliveryRecord;
import org.crater.model.notify.Channel;
import org.crater.model.notify.NotificationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An e-mail or webhook call, for administrators.
 *
 * @param id its id
 * @param username whose notification it carries
 * @param channel EMAIL or WEBHOOK
 * @param target the address or the webhook's URL
 * @param type what happened
 * @param status PENDING (will be tried at nextAt), SENT, or FAILED (out of attempts)
 * @param attempts tries made
 * @param lastError why the last try failed
 * @param nextAt the next try, while pending
 * @param updatedAt its last change
 */
@Schema(name = "Delivery")
public record DeliveryView(
    long id,
    String username,
    Channel channel,
    String target,
    NotificationType type,
    @Schema(example = "FAILED") String status,
    int attempts,
    @Schema(example = "IOException: the webhook answered HTTP 500") String lastError,
    Instant nextAt,
    Instant updatedAt) {

  static DeliveryView of(DeliveryRecord d) {
    return new DeliveryView(
        d.id(),
        d.username(),
        d.channel(),
        d.target(),
        d.type(),
        d.status(),
        d.attempts(),
        d.lastError(),
        d.nextAt(),
        d.updatedAt());
  }
}
