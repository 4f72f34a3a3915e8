package org.crater.k8s.common;

/**
 * The API server refused the object as invalid (400 or 422), or an admission webhook denied it.
 * Retrying the same object cannot succeed; the caller should fail the job with {@link
 * #clusterMessage()} as its reason.
 */
public class ClusterRejectedException extends ClusterException {

  private final String clusterMessage;

  /**
   * @param message what failed, without request or response bodies
   * @param httpStatus 400 or 422
   * @param clusterMessage the server's own explanation (its Status message), or {@code null}
   * @param cause the client exception, if any
   */
  public ClusterRejectedException(
      String message, int httpStatus, String clusterMessage, Throwable cause) {
    super(message, httpStatus, cause);
    this.clusterMessage = clusterMessage;
  }

  /**
   * Why the server refused the object, in its own words (e.g. {@code Pod "crater-7-1" is invalid:
   * spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique}), at most
   * {@link ApiErrors#MAX_MESSAGE} characters; the exception's message when the server gave none.
   */
  public String clusterMessage() {
    return clusterMessage == null || clusterMessage.isBlank() ? getMessage() : clusterMessage;
  }
}
