package org.crater.ejb.node;

import org.crater.ejb.common.CraterException;

/**
 * A write made as leader under an epoch that is no longer the leadership's: another replica has
 * become leader since. The transaction rolls back and this replica stops acting as leader.
 */
public class FencedException extends CraterException {

  private final long epoch;

  public FencedException(long epoch, long current) {
    super(
        503,
        "not-leader",
        "This replica no longer leads (epoch " + epoch + ", now " + current + ").");
    this.epoch = epoch;
  }

  /** The epoch the refused write was made under. */
  public long epoch() {
    return epoch;
  }
}
