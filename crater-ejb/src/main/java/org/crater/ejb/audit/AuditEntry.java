package org.crater.ejb.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited request: when, who, from where, what, on which object and how it ended. It holds no
 * body, password, token or secret; text is cut to the columns' lengths.
 *
 * @param at when Crater answered
 * @param userId the caller's user id, {@code null} when unknown (a refused token, a failed login)
 * @param username the caller, or for a login the name that was tried; {@code null} when unknown
 * @param address the client's address (X-Forwarded-For only from trusted proxies)
 * @param method the HTTP method
 * @param route the route template, such as {@code /api/v1/jobs/{id}/cancel}
 * @param objectType the kind of object the route names, such as {@code jobs}; {@code null} for none
 * @param objectId the object's id (the path's ids joined by {@code /}, or a created object's id)
 * @param status the response's status code
 */
public record AuditEntry(
    Instant at,
    Long userId,
    String username,
    String address,
    String method,
    String route,
    String objectType,
    String objectId,
    int status) {

  static final int USERNAME_LENGTH = 63;
  static final int ADDRESS_LENGTH = 64;
  static final int METHOD_LENGTH = 8;
  static final int ROUTE_LENGTH = 255;
  static final int OBJECT_TYPE_LENGTH = 64;
  static final int OBJECT_ID_LENGTH = 255;

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    username = cut(username, USERNAME_LENGTH);
    address = cut(address, ADDRESS_LENGTH);
    method = Objects.requireNonNull(cut(method, METHOD_LENGTH), "method");
    route = Objects.requireNonNull(cut(route, ROUTE_LENGTH), "route");
    objectType = cut(objectType, OBJECT_TYPE_LENGTH);
    objectId = cut(objectId, OBJECT_ID_LENGTH);
  }

  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
