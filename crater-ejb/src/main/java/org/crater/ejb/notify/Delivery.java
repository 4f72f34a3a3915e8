package org.crater.ejb.notify;

import org.crater.model.notify.Channel;

/**
 * An e-mail or webhook call to make.
 *
 * @param id its id
 * @param eventId the job event it tells of
 * @param channel e-mail or webhook
 * @param address the e-mail address (e-mail only)
 * @param webhookId the webhook (webhook only)
 * @param payload the notification as JSON, the webhook's body as is
 * @param attempts how many tries have failed so far
 */
public record Delivery(
    long id,
    long eventId,
    Channel channel,
    String address,
    Long webhookId,
    String payload,
    int attempts) {}
