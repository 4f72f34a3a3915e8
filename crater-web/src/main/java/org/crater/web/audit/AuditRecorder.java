package org.crater.web.audit;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.ejb.audit.AuditEntry;
import org.crater.ejb.audit.AuditTrail;
import org.crater.ejb.auth.Principal;
import org.crater.web.security.ClientAddress;
import org.crater.web.security.CurrentUser;

/**
 * Hands every state-changing request (POST, PUT, PATCH, DELETE) to the audit trail once its status
 * is final, refused ones included: it runs after every other response filter (the lowest priority),
 * so a v0.1.0 route's rewritten status is the one recorded. Reads no body; never fails or delays
 * the request (the trail only queues).
 */
@Provider
@Priority(1)
public class AuditRecorder implements ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());
  private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Context private ResourceInfo resource;
  @Context private UriInfo uri;
  @Context private HttpServletRequest http;
  @Inject private CurrentUser caller;
  @Inject private AuditNote note;
  @Inject private ClientAddress address;
  @Inject private Clock clock;
  @EJB private AuditTrail trail;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    if (!CHANGING.contains(method)) {
      return;
    }
    try {
      trail.record(entry(method, response));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "audit entry not recorded", e);
    }
  }

  private AuditEntry entry(String method, ContainerResponseContext response) {
    String route = route();
    String location = response.getHeaderString(HttpHeaders.LOCATION);
    AuditRoutes.Target target =
        route.equals(AuditRoutes.UNMATCHED)
            ? null
            : AuditRoutes.target(route, uri.getPathParameters(), location);
    Principal principal = caller.find().orElse(null);
    return new AuditEntry(
        clock.instant(),
        principal != null ? Long.valueOf(principal.userId()) : note.userId(),
        principal != null ? principal.username() : note.username(),
        address.of(http),
        method,
        route,
        target == null ? null : target.type(),
        target == null ? null : target.id(),
        response.getStatus());
  }

  private String route() {
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    if (method == null || type == null) {
      return AuditRoutes.UNMATCHED;
    }
    return AuditRoutes.template(path(type), path(method));
  }

  private static String path(AnnotatedElement element) {
    Path path = element.getAnnotation(Path.class);
    return path == null ? null : path.value();
  }
}
