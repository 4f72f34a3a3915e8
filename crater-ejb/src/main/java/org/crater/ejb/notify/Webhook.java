package org.crater.ejb.notify;

import java.time.Instant;

/**
 * A user's webhook as the user sees it; its secret is shown once, when it is made.
 *
 * @param id its id
 * @param url where it is called
 * @param createdAt when it was made
 */
public record Webhook(long id, String url, Instant createdAt) {}
