package org.crater.web.notify;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of the caller's notifications.
 *
 * @param items the page, newest first
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many match the filter
 * @param unread how many of the caller's notifications are unread, whatever the filter
 */
@Schema(name = "NotificationPage")
public record NotificationPageView(
    List<NotificationView> items, int page, int size, long total, long unread) {}
