package org.crater.ejb.gpu;

/**
 * GPU utilisation cannot be read now: Prometheus is not configured, does not answer, refuses the
 * query or answers something that is not an instant vector. Its message says which, without
 * credentials; callers decide nothing from a missing answer.
 */
public class GpuUtilisationUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GpuUtilisationUnavailableException(String message) {
    super(message);
  }

  public GpuUtilisationUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
