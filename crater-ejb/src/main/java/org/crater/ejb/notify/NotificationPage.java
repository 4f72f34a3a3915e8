package org.crater.ejb.notify;

import java.util.List;

/**
 * One page of a user's notifications.
 *
 * @param items the page, newest first
 * @param total how many match the filter
 * @param unread how many of the user's notifications are unread, whatever the filter
 */
public record NotificationPage(List<Notification> items, long total, long unread) {}
