package org.crater.web.job;

import java.util.Map;
import org.crater.ejb.common.CraterException;

/** No room for one more followed log: the caller's or the server's cap is reached. */
public class TooManyStreamsException extends CraterException {

  private static final String RETRY_AFTER_SECONDS = "10";

  public TooManyStreamsException(String message) {
    super(429, "too-many-streams", message + " Close one, or retry later.");
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", RETRY_AFTER_SECONDS);
  }
}
