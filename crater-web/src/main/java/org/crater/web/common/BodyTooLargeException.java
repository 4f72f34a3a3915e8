package org.crater.web.common;

import org.crater.ejb.common.CraterException;

/** A request body over the bound of {@link BodyLimitFilter}. */
public class BodyTooLargeException extends CraterException {

  public BodyTooLargeException(long maxBytes) {
    super(413, "body-too-large", "The request body is larger than " + maxBytes + " bytes.");
  }
}
