package org.crater.ejb.job;

import org.crater.ejb.common.CraterException;

/** No job with this id, or not one of the caller's. */
public class JobNotFoundException extends CraterException {

  public JobNotFoundException(long id) {
    super(404, "job-not-found", "No job " + id + ".");
  }
}
