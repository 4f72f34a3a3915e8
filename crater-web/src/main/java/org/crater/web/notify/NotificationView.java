package org.crater.web.notify;

import java.time.Instant;
import org.crater.ejb.notify.Notification;
import org.crater.model.notify.NotificationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One of the caller's notifications.
 *
 * @param id its id
 * @param jobId the job it is about
 * @param type what happened
 * @param title one line
 * @param message the move's reason and message
 * @param createdAt when it was made
 * @param read whether the caller marked it read
 * @param readAt when, if read
 */
@Schema(name = "Notification")
public record NotificationView(
    long id,
    long jobId,
    NotificationType type,
    @Schema(example = "Job 42 (train) finished") String title,
    @Schema(example = "Completed") String message,
    Instant createdAt,
    boolean read,
    Instant readAt) {

  static NotificationView of(Notification n) {
    return new NotificationView(
        n.id(),
        n.jobId(),
        n.type(),
        n.title(),
        n.message(),
        n.createdAt(),
        n.readAt() != null,
        n.readAt());
  }
}
