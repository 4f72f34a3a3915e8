package org.crater.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import org.crater.ejb.auth.AuthService;
import org.crater.ejb.auth.AuthSettings;
import org.crater.ejb.auth.InvalidTokenException;
import org.crater.ejb.auth.Principal;
import org.crater.ejb.common.CraterException;

/**
 * Authenticates every matched request unless its resource is {@link Public}: a {@code Bearer}
 * access token, or, in development mode only, the {@code X-Debug-Username} header naming an
 * existing user. Then enforces {@link AdminOnly}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

  public static final String DEBUG_HEADER = "X-Debug-Username";
  private static final String BEARER = "Bearer ";

  @Context private ResourceInfo resource;
  @Inject private CurrentUser current;
  @Inject private AuthSettings settings;
  @EJB private AuthService auth;

  @Override
  public void filter(ContainerRequestContext request) {
    if (marked(Public.class)) {
      return;
    }
    Principal principal = authenticate(request);
    current.set(principal);
    if (marked(AdminOnly.class) && !principal.isAdmin()) {
      throw new CraterException(403, "admin-only", "Only administrators may do this.");
    }
  }

  private Principal authenticate(ContainerRequestContext request) {
    String debugUser = request.getHeaderString(DEBUG_HEADER);
    if (settings.devMode() && debugUser != null && !debugUser.isBlank()) {
      return auth.authenticateAs(debugUser.strip());
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw InvalidTokenException.missing();
    }
    return auth.authenticate(header.substring(BEARER.length()).strip());
  }

  private boolean marked(Class<? extends Annotation> annotation) {
    return resource.getResourceMethod().isAnnotationPresent(annotation)
        || resource.getResourceClass().isAnnotationPresent(annotation);
  }
}
