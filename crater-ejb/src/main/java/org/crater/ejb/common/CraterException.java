package org.crater.ejb.common;

import jakarta.ejb.ApplicationException;
import java.util.Map;

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

  /** Rejected input fields (field path to reason), for errors about a request's content. */
  public Map<String, String> fieldErrors() {
    return Map.of();
  }

  /** Response headers the client needs to act on this error, e.g. {@code Retry-After}. */
  public Map<String, String> headers() {
    return Map.of();
  }
}
