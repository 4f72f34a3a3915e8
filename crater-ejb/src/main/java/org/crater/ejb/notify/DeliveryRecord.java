package org.crater.ejb.notify;

import java.time.Instant;
import org.crater.model.notify.Channel;
import org.crater.model.notify.NotificationType;

/**
 * An e-mail or webhook call as administrators see it.
 *
 * @param id its id
 * @param username whose notification it carries
 * @param channel e-mail or webhook
 * @param target the address or the webhook's URL
 * @param type what happened
 * @param status PENDING, SENT or FAILED (out of attempts)
 * @param attempts tries made
 * @param lastError why the last try failed, if it did
 * @param nextAt when it is tried next (pending only)
 * @param updatedAt its last change
 */
public record DeliveryRecord(
    long id,
    String username,
    Channel channel,
    String target,
    NotificationType type,
    String status,
    int attempts,
    String lastError,
    Instant nextAt,
    Instant updatedAt) {}
