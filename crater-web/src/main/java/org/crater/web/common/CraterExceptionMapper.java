package org.crater.web.common;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.crater.ejb.common.CraterException;

/** A domain error: its own status, code and (safe) message. */
@Provider
public class CraterExceptionMapper implements ExceptionMapper<CraterException> {

  @Context private UriInfo uri;

  @Override
  public Response toResponse(CraterException e) {
    return ProblemResponses.of(uri, e.status(), e.code(), e.getMessage());
  }
}
