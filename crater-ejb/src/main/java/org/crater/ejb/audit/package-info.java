/**
 * The audit log: every state-changing request, appended in batches off the request path ({@link
 * org.crater.ejb.audit.AuditTrail}), never updated, queried by administrators ({@link
 * org.crater.ejb.audit.AuditStore}) and thinned out by the leader after the retention ({@link
 * org.crater.ejb.audit.AuditRetention}).
 */
package org.crater.ejb.audit;
