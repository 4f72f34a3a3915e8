package org.crater.web.common;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import org.crater.ejb.common.CraterException;
import org.crater.web.common.Problem.FieldError;

/** A domain error: its own status, code, (safe) message, field errors and headers. */
@Provider
public class CraterExceptionMapper implements ExceptionMapper<CraterException> {

  @Context private UriInfo uri;

  @Override
  public Response toResponse(CraterException e) {
    List<FieldError> errors =
        e.fieldErrors().entrySet().stream()
            .map(error -> new FieldError(error.getKey(), error.getValue()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    Response.ResponseBuilder response =
        Response.fromResponse(
            ProblemResponses.of(uri, e.status(), e.code(), e.getMessage(), null, errors));
    e.headers().forEach(response::header);
    if (e.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return response.build();
  }
}
