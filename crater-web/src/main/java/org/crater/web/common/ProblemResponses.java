package org.crater.web.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.crater.web.common.Problem.FieldError;

/** Builds every error response of the native API; only exception mappers call it. */
public final class ProblemResponses {

  public static final String PROBLEM_JSON = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:crater:problem:";

  private ProblemResponses() {}

  public static Response of(UriInfo uri, int status, String code, String detail) {
    return of(uri, status, code, detail, null, List.of());
  }

  public static Response of(
      UriInfo uri,
      int status,
      String code,
      String detail,
      String incident,
      List<FieldError> errors) {
    Problem problem =
        new Problem(
            TYPE_PREFIX + code,
            StatusPhrases.of(status),
            status,
            detail,
            path(uri),
            code,
            incident,
            errors);
    return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
