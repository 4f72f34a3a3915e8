package org.crater.web.common;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.crater.web.common.Problem.FieldError;

/** A body that is not the expected JSON: 400, naming the field where one can be named. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<MalformedJsonException> {

  @Context private UriInfo uri;

  @Override
  public Response toResponse(MalformedJsonException e) {
    List<FieldError> errors =
        e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage()));
    return ProblemResponses.of(uri, 400, "malformed-json", e.getMessage(), null, errors);
  }
}
