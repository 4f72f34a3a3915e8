/**
 * Notifications of job events to their owners: which moves of a job are worth telling ({@link
 * org.crater.model.notify.NotificationType}) and the channels that tell them ({@link
 * org.crater.model.notify.Channel}).
 */
package org.crater.model.notify;
