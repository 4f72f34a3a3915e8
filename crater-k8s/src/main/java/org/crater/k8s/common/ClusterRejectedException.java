package org.crater.k8s.common;

/**
 * The API server refused the object as invalid (400 or 422). Retrying the same object cannot
 * succeed; the caller should fail the job with this message as its reason.
 */
public class ClusterRejectedException extends ClusterException {

  /** See {@link ClusterException#ClusterException(String, int, Throwable)}. */
  public ClusterRejectedException(String message, int httpStatus, Throwable cause) {
    super(message, httpStatus, cause);
  }
}
