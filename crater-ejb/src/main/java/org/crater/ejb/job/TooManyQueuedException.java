package org.crater.ejb.job;

import java.util.Map;
import org.crater.ejb.common.CraterException;

/**
 * The owner has as many jobs queued as one user may: 429 with {@code Retry-After}, since the same
 * submission succeeds once some of them are admitted, finish or are cancelled.
 */
public class TooManyQueuedException extends CraterException {

  private static final String RETRY_AFTER_SECONDS = "30";

  public TooManyQueuedException(int cap) {
    super(
        429,
        "too-many-queued",
        "You have "
            + cap
            + " jobs queued, as many as one user may; submit more once some are admitted, or"
            + " cancel some.");
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", RETRY_AFTER_SECONDS);
  }
}
