package org.crater.web.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.crater.web.common.Problem.FieldError;

/**
 * HTTP-level errors raised by JAX-RS itself (unknown path, wrong method, unsupported media type, a
 * query parameter of the wrong type...) in the same envelope, with a fixed message per status and
 * the headers a client needs (Allow, Retry-After, WWW-Authenticate).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final List<String> KEPT_HEADERS =
      List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE);

  private static final Map<Integer, String[]> KNOWN =
      Map.of(
          400, new String[] {"bad-request", "The request is malformed."},
          401, new String[] {"unauthorized", "Authentication is required."},
          403, new String[] {"forbidden", "You may not do this."},
          404, new String[] {"not-found", "No resource at this path."},
          405, new String[] {"method-not-allowed", "This method is not allowed on this path."},
          406, new String[] {"not-acceptable", "No acceptable representation."},
          415, new String[] {"unsupported-media-type", "Send application/json."},
          429, new String[] {"too-many-requests", "Too many requests; retry later."},
          503, new String[] {"unavailable", "Temporarily unavailable; retry later."});

  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  @Context private UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
    if (isUnconvertibleQueryParam(e)) {
      return invalidQuery(e);
    }
    int status = e.getResponse().getStatus();
    String[] known = KNOWN.getOrDefault(status, new String[] {"http-" + status, "HTTP " + status});
    Response problem = ProblemResponses.of(uri, status, known[0], known[1]);
    Response.ResponseBuilder builder = Response.fromResponse(problem);
    for (String header : KEPT_HEADERS) {
      e.getResponse()
          .getHeaders()
          .getOrDefault(header, List.of())
          .forEach(v -> builder.header(header, v));
    }
    return builder.build();
  }

  /**
   * JAX-RS answers 404 when a query parameter cannot be converted to its Java type (Jersey throws
   * its {@code ParamException.QueryParamException}): the resource exists, the request is wrong, so
   * the answer is 400 {@code invalid-query}, as for the parameters Crater parses itself.
   */
  private static boolean isUnconvertibleQueryParam(WebApplicationException e) {
    return e.getClass().getSimpleName().equals("QueryParamException");
  }

  private Response invalidQuery(WebApplicationException e) {
    String name = parameterName(e);
    if (name == null) {
      return ProblemResponses.of(
          uri, 400, "invalid-query", "A query parameter has a value of the wrong type.");
    }
    return ProblemResponses.of(
        uri,
        400,
        "invalid-query",
        "Query parameter " + name + " has a value of the wrong type.",
        null,
        List.of(new FieldError(name, "wrong type or value")));
  }

  /** The parameter's name as Jersey reports it, when it is a plain name. */
  private static String parameterName(WebApplicationException e) {
    try {
      Object name = e.getClass().getMethod("getParameterName").invoke(e);
      return name instanceof String s && PARAMETER_NAME.matcher(s).matches() ? s : null;
    } catch (ReflectiveOperationException | RuntimeException unknown) {
      return null;
    }
  }
}
