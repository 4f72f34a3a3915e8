package org.crater.k8s.common;

/**
 * The API server could not answer now (5xx, 429, timeout, connection refused). Callers should retry
 * later; the desired state in the database stays as it is and the next reconcile repairs the
 * cluster.
 */
public class ClusterUnavailableException extends ClusterException {

  /** See {@link ClusterException#ClusterException(String, int, Throwable)}. */
  public ClusterUnavailableException(String message, int httpStatus, Throwable cause) {
    super(message, httpStatus, cause);
  }
}
