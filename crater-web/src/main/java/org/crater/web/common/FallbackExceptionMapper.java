package org.crater.web.common;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected: logged once with an incident id, answered with a 500 that carries the same
 * id and nothing of the exception itself.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

  @Context private UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    String incident = UUID.randomUUID().toString();
    String path = uri == null ? "?" : uri.getRequestUri().getRawPath();
    LOG.log(Level.SEVERE, "failed request incident=" + incident + " path=" + path, e);
    return ProblemResponses.of(
        uri,
        500,
        "internal-error",
        "Something went wrong on our side; quote incident " + incident + ".",
        incident,
        List.of());
  }
}
