package org.crater.k8s.common;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.generic.KubernetesApiResponse;

/**
 * Translates client-java failures into Crater's unchecked cluster exceptions. Transient answers (no
 * answer, 408, 429, 5xx) become {@link ClusterUnavailableException}; 400 and 422 become {@link
 * ClusterRejectedException}; anything else a plain {@link ClusterException}. Messages name the
 * action and the status reason, never a body.
 */
public final class ApiErrors {

  private ApiErrors() {}

  /** The exception for a failed call that threw {@link ApiException}. */
  public static ClusterException translate(String action, ApiException e) {
    return of(action, e.getCode(), reasonOf(e), e);
  }

  /** The exception for a {@code GenericKubernetesApi} response that is not a success. */
  public static ClusterException translate(String action, KubernetesApiResponse<?> response) {
    V1Status status = response.getStatus();
    String reason = status == null ? null : status.getReason();
    return of(action, response.getHttpStatusCode(), reason, null);
  }

  /** The exception for an HTTP status and a short reason. */
  public static ClusterException of(String action, int code, String reason, Throwable cause) {
    String message =
        action + " failed: status=" + code + (reason == null ? "" : " reason=" + reason);
    if (isTransient(code)) {
      return new ClusterUnavailableException(message, code, cause);
    }
    if (code == 400 || code == 422) {
      return new ClusterRejectedException(message, code, cause);
    }
    return new ClusterException(message, code, cause);
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
