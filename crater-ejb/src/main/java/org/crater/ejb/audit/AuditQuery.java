package org.crater.ejb.audit;

import java.time.Instant;

/**
 * What an administrator asks of the audit log; every part is optional ({@code null}).
 *
 * @param username the caller (or the name tried at a login), exactly
 * @param method the HTTP method, such as {@code DELETE}
 * @param route a part of the route template, such as {@code /cancel} or {@code /api/v1/jobs/{id}}
 * @param objectType the kind of object, such as {@code jobs}
 * @param objectId the object's id; also matches ids that start with it and a {@code /}
 * @param statusFrom the least status code
 * @param statusTo the greatest status code
 * @param from the earliest time, inclusive
 * @param to the latest time, exclusive
 */
public record AuditQuery(
    String username,
    String method,
    String route,
    String objectType,
    String objectId,
    Integer statusFrom,
    Integer statusTo,
    Instant from,
    Instant to) {}
