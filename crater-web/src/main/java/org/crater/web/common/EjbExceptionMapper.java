package org.crater.web.common;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/** Unwraps a container-wrapped exception and answers as its cause's mapper would. */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

  @Context private Providers providers;

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Response toResponse(EJBException e) {
    Throwable cause = e.getCausedByException() != null ? e.getCausedByException() : e.getCause();
    while (cause instanceof EJBException wrapped && wrapped.getCause() != null) {
      cause = wrapped.getCause();
    }
    Throwable mapped = cause != null ? cause : e;
    ExceptionMapper mapper = providers.getExceptionMapper(mapped.getClass());
    return mapper.toResponse(mapped);
  }
}
