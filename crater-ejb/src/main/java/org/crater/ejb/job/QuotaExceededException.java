package org.crater.ejb.job;

import org.crater.ejb.common.CraterException;

/**
 * Guaranteed work larger than the member's whole quota in the account: it could never be admitted.
 */
public class QuotaExceededException extends CraterException {

  public QuotaExceededException(String detail) {
    super(422, "quota-exceeded", detail);
  }
}
