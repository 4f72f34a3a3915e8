/**
 * Records every state-changing request in the audit log ({@link
 * org.crater.web.audit.AuditRecorder}): the route template and the path's ids, the caller or the
 * name tried at a login ({@link org.crater.web.audit.AuditNote}), the client's address and the
 * status. Depends only on {@code web.security}, so the auth routes may note who tried.
 */
package org.crater.web.audit;
