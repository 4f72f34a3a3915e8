/**
 * Notifications in the API: the caller's list, their choices and webhooks; deliveries for admins.
 */
package org.crater.web.notify;
