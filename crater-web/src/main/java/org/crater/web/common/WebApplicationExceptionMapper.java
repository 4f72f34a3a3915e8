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

/**
 * HTTP-level errors raised by JAX-RS itself (unknown path, wrong method, unsupported media type...)
 * in the same envelope, with a fixed message per status and the headers a client needs (Allow,
 * Retry-After, WWW-Authenticate).
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

  @Context private UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
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
}
