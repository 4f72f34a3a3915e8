package org.crater.web.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.crater.web.common.Problem.FieldError;

/**
 * Builds every error response of the native API; only exception mappers call it, and {@link
 * RequestGuard} for the requests no route sees.
 */
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
    Problem problem = problem(status, code, detail, path(uri), incident, errors);
    return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
  }

  /** The problem document of a request refused before any route saw it. */
  static Problem unrouted(int status, String code, String detail) {
    return problem(status, code, detail, null, null, List.of());
  }

  private static Problem problem(
      int status,
      String code,
      String detail,
      String instance,
      String incident,
      List<FieldError> errors) {
    return new Problem(
        TYPE_PREFIX + code,
        StatusPhrases.of(status),
        status,
        detail,
        instance,
        code,
        incident,
        errors);
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
