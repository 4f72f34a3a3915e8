package org.crater.web.common;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A concurrent change won the race: 409, the client may reload and retry. */
@Provider
public class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {

  @Context private UriInfo uri;

  @Override
  public Response toResponse(OptimisticLockException e) {
    return ProblemResponses.of(
        uri, 409, "concurrent-change", "Someone changed this at the same time; reload and retry.");
  }
}
