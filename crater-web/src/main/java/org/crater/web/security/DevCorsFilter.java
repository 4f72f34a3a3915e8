package org.crater.web.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.crater.ejb.auth.AuthSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Development mode only: lets a frontend served from {@code crater.dev.cors-origin} (default {@code
 * http://localhost:5173}) call the API with credentials, answering its preflight requests. Outside
 * development mode it does nothing, so browsers keep the same-origin rule.
 */
@Provider
@PreMatching
public class DevCorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Inject private AuthSettings settings;

  @Inject
  @ConfigProperty(name = "crater.dev.cors-origin", defaultValue = "http://localhost:5173")
  String origin;

  @Override
  public void filter(ContainerRequestContext request) {
    if (allowed(request) && "OPTIONS".equals(request.getMethod())) {
      request.abortWith(Response.noContent().build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (allowed(request)) {
      var headers = response.getHeaders();
      headers.putSingle("Access-Control-Allow-Origin", origin);
      headers.putSingle("Access-Control-Allow-Credentials", "true");
      headers.putSingle("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
      headers.putSingle(
          "Access-Control-Allow-Headers",
          "Authorization, Content-Type, " + AuthFilter.DEBUG_HEADER);
      headers.putSingle("Vary", "Origin");
    }
  }

  private boolean allowed(ContainerRequestContext request) {
    return settings.devMode() && origin.equals(request.getHeaderString("Origin"));
  }
}
