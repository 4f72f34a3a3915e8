package org.crater.k8s.common;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.generic.KubernetesApiResponse;

/**
 * Translates client-java failures into Crater's unchecked cluster exceptions. Transient answers (no
 * answer, 408, 429, 5xx) become {@link ClusterUnavailableException}; 400 and 422 become {@link
 * ClusterRejectedException}, which also carries the server's explanation from its Status body;
 * anything else a plain {@link ClusterException}. Messages name the action and the status reason,
 * never a body.
 */
public final class ApiErrors {

  /** The longest explanation of a refusal kept, in characters. */
  public static final int MAX_MESSAGE = 1000;

  private ApiErrors() {}

  /** The exception for a failed call that threw {@link ApiException}. */
  public static ClusterException translate(String action, ApiException e) {
    V1Status status = statusOf(e.getResponseBody());
    String reason = status == null ? reasonOf(e) : status.getReason();
    return of(action, e.getCode(), reason, status == null ? null : status.getMessage(), e);
  }

  /** The exception for a {@code GenericKubernetesApi} response that is not a success. */
  public static ClusterException translate(String action, KubernetesApiResponse<?> response) {
    V1Status status = response.getStatus();
    String reason = status == null ? null : status.getReason();
    String message = status == null ? null : status.getMessage();
    return of(action, response.getHttpStatusCode(), reason, message, null);
  }

  /** The exception for an HTTP status and a short reason. */
  public static ClusterException of(String action, int code, String reason, Throwable cause) {
    return of(action, code, reason, null, cause);
  }

  private static ClusterException of(
      String action, int code, String reason, String explanation, Throwable cause) {
    String message =
        action + " failed: status=" + code + (reason == null ? "" : " reason=" + reason);
    if (isTransient(code)) {
      return new ClusterUnavailableException(message, code, cause);
    }
    if (code == 400 || code == 422) {
      return new ClusterRejectedException(message, code, bounded(explanation), cause);
    }
    return new ClusterException(message, code, cause);
  }

  /** The Status object of an error body, or {@code null} when the body is not one. */
  private static V1Status statusOf(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      V1Status status = JSON.deserialize(body, V1Status.class);
      return status != null && "Status".equals(status.getKind()) ? status : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String bounded(String text) {
    if (text == null) {
      return null;
    }
    String line = text.replaceAll("\\p{Cntrl}", " ").strip();
    return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 1) + "…";
  }

  /** True for answers worth retrying: no answer at all, 408, 429 and every 5xx. */
  public static boolean isTransient(int code) {
    return code == 0 || code == 408 || code == 429 || code >= 500;
  }

  /** True when the exception is a 404 Not Found. */
  public static boolean isNotFound(ApiException e) {
    return e.getCode() == 404;
  }

  /** True when the exception is a 409 Conflict (AlreadyExists or a stale resourceVersion). */
  public static boolean isConflict(ApiException e) {
    return e.getCode() == 409;
  }

  private static String reasonOf(ApiException e) {
    if (e.getCode() == 0) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return cause.getClass().getSimpleName();
    }
    return null;
  }
}
