package org.crater.web.admin;

import java.time.Instant;
import org.crater.ejb.audit.AuditPage;

/**
 * One audited request, for administrators.
 *
 * @param id the row's id
 * @param at when Crater answered
 * @param userId the caller's user id; {@code null} when unknown (a refused token, a failed login)
 * @param username the caller, or the name tried at a login
 * @param address the client's address
 * @param method the HTTP method
 * @param route the route template, such as {@code /api/v1/jobs/{id}/cancel}
 * @param objectType the kind of object, such as {@code jobs}
 * @param objectId the object's id (several path ids are joined by {@code /})
 * @param status the status code answered
 */
public record AuditView(
    long id,
    Instant at,
    Long userId,
    String username,
    String address,
    String method,
    String route,
    String objectType,
    String objectId,
    int status) {

  static AuditView of(AuditPage.Row row) {
    var e = row.entry();
    return new AuditView(
        row.id(),
        e.at(),
        e.userId(),
        e.username(),
        e.address(),
        e.method(),
        e.route(),
        e.objectType(),
        e.objectId(),
        e.status());
  }
}
