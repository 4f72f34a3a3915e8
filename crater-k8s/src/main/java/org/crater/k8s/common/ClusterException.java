package org.crater.k8s.common;

/**
 * An unchecked failure talking to the Kubernetes API. The two subclasses tell callers whether
 * retrying can help; this base class covers the rest (401/403, an unexpected 404 or 409).
 */
public class ClusterException extends RuntimeException {

  private final int httpStatus;

  /**
   * @param message what failed, without request or response bodies
   * @param httpStatus the HTTP status the API answered, 0 when no answer arrived
   * @param cause the client exception, if any
   */
  public ClusterException(String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /**
   * The HTTP status of the failed call, or 0 when the server never answered (I/O error, timeout).
   */
  public int httpStatus() {
    return httpStatus;
  }
}
