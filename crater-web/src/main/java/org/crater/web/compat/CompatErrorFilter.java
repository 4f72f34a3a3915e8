package org.crater.web.compat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.crater.web.common.Problem;
import org.crater.web.security.Public;

/**
 * Gives the v0.1.0 routes v0.1.0 errors. The native exception mappers and the authentication filter
 * stay as they are and answer a {@link Problem}; on a route marked {@link CompatApi} this filter
 * replaces it with the {@link CompatErrors translation} before it is written. Headers the mappers
 * set (Retry-After, WWW-Authenticate) stay.
 */
@Provider
@CompatApi
public class CompatErrorFilter implements ContainerResponseFilter {

  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof Problem problem) {
      CompatErrors.Translation answer = CompatErrors.translate(problem, route());
      response.setStatus(answer.status());
      response.setEntity(
          answer.body(), response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }
  }

  private CompatErrors.Route route() {
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    CompatApi api =
        method.isAnnotationPresent(CompatApi.class)
            ? method.getAnnotation(CompatApi.class)
            : type.getAnnotation(CompatApi.class);
    boolean open =
        method.isAnnotationPresent(Public.class) || type.isAnnotationPresent(Public.class);
    return new CompatErrors.Route(api.envelope(), open, api.badRequest());
  }
}
