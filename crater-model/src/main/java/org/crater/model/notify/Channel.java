package org.crater.model.notify;

/** Where a notification goes. */
public enum Channel {
  /** The user's list in the API ({@code GET /api/v1/notifications}). */
  IN_API,
  /** An e-mail to the user's address, when SMTP is configured. */
  EMAIL,
  /** An HTTP POST to each of the user's webhooks. */
  WEBHOOK
}
