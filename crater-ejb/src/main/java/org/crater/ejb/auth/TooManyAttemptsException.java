package org.crater.ejb.auth;

import java.util.Map;
import org.crater.ejb.common.CraterException;

/** Too many login attempts for this username or from this address; retry after the given delay. */
public class TooManyAttemptsException extends CraterException {

  private final long retryAfterSeconds;

  public TooManyAttemptsException(long retryAfterSeconds) {
    super(
        429, "too-many-attempts", "Too many login attempts; retry in " + retryAfterSeconds + " s.");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }
}
