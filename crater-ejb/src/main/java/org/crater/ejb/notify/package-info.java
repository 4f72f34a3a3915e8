/**
 * Notifications: the leader turns job events into notifications for their owners (in the API, by
 * e-mail, by signed webhook) as the owners chose, and delivers the e-mails and webhook calls with
 * retries. Design and guarantees: docs/operations.md, "Notifications".
 */
package org.crater.ejb.notify;
