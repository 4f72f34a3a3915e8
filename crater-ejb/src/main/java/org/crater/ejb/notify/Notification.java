package org.crater.ejb.notify;

import java.time.Instant;
import org.crater.model.notify.NotificationType;

/**
 * One entry of a user's in-API list.
 *
 * @param id its id
 * @param jobId the job it is about
 * @param type what happened
 * @param title one line, e.g. {@code Job 42 (train) finished}
 * @param message the move's reason and message
 * @param createdAt when it was made
 * @param readAt when the user marked it read; null while unread
 */
public record Notification(
    long id,
    long jobId,
    NotificationType type,
    String title,
    String message,
    Instant createdAt,
    Instant readAt) {}
