package org.crater.web.compat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.crater.web.common.Problem;

/**
 * Gives v0.1.0 errors to requests on a v0.1.0 path that match no route method: the wrong method
 * (405), an unknown path under {@code /v1/} (404), a content type no method takes (415). {@link
 * CompatErrorFilter} only sees requests that reached a v0.1.0 method; these never do, so JAX-RS
 * answered them with a native problem document.
 */
@Provider
public class CompatUnmatchedFilter implements ContainerResponseFilter {

  /** v0.1.0's routes at the context root, which answer without the envelope. */
  private static final Map<String, Integer> ROOT_ROUTES =
      Map.of(
          "login", CompatErrors.LOGIN_BAD_REQUEST,
          "signup", CompatErrors.SIGNUP_BAD_REQUEST,
          "refresh", CompatErrors.REFRESH_BAD_REQUEST);

  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(response.getEntity() instanceof Problem problem)
        || resource.getResourceMethod() != null) {
      return;
    }
    CompatErrors.Route route = route(request.getUriInfo().getPath());
    if (route != null) {
      CompatErrors.Translation answer = CompatErrors.translate(problem, route);
      response.setStatus(answer.status());
      response.setEntity(
          answer.body(), response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }
  }

  /** The v0.1.0 route a path belongs to, or null for a native (or no) path. */
  static CompatErrors.Route route(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    Integer rootRoute = ROOT_ROUTES.get(relative);
    if (rootRoute != null) {
      return new CompatErrors.Route(false, true, rootRoute);
    }
    if (relative.equals("v1") || relative.startsWith("v1/")) {
      return new CompatErrors.Route(true, false, CompatErrors.BAD_REQUEST);
    }
    return null;
  }
}
