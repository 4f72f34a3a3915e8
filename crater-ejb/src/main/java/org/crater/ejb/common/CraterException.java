package org.crater.ejb.common;

import jakarta.ejb.ApplicationException;

/**
 * A domain error that callers may act on. It carries the HTTP status it stands for and a stable,
 * machine-readable code; its message is safe to show to the user. The container rolls the
 * transaction back and never wraps it in an {@code EJBException}.
 */
@ApplicationException(rollback = true)
public class CraterException extends RuntimeException {

  private final int status;
  private final String code;

  public CraterException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
