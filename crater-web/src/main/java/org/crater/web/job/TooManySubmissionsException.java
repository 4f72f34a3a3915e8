package org.crater.web.job;

import java.util.Map;
import org.crater.ejb.common.CraterException;

/** The caller has as many submissions in progress on this replica as one user may. */
public class TooManySubmissionsException extends CraterException {

  private static final String RETRY_AFTER_SECONDS = "1";

  public TooManySubmissionsException(int cap) {
    super(
        429,
        "too-many-submissions",
        "You have "
            + cap
            + " submissions in progress, as many as one user may at once; send the next when one"
            + " is answered.");
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", RETRY_AFTER_SECONDS);
  }
}
