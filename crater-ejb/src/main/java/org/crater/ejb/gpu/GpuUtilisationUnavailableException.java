package org.crater.ejb.gpu;

/** The source of GPU utilisation did not answer: nothing may be concluded from its silence. */
public class GpuUtilisationUnavailableException extends RuntimeException {

  public GpuUtilisationUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
