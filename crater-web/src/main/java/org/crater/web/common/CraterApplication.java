package org.crater.web.common;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The one JAX-RS application. It owns the whole context root, so that an unknown path anywhere gets
 * the same problem response as an unknown resource: the native API lives under {@code /api/v1}, the
 * Crater v0.1.0 routes keep their own paths.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Crater API",
            version = "v1",
            description =
                "GPU-cluster management: quotas, queues, admission and AI jobs on Kubernetes. Errors are"
                    + " RFC 9457 problem documents with a stable code.",
            license = @License(name = "Apache-2.0")))
public class CraterApplication extends Application {

  /**
   * Jersey would otherwise also register its JSON-B, JSON-P and MOXy providers, and the JSON
   * providers would be chosen in no fixed order: {@link JsonProvider} must be the only one. It
   * would also answer OPTIONS and {@code /application.wadl} with a WADL document that names
   * Jersey's version and Java types; {@code /openapi} is the API's description.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.jsonFeature", JsonProvider.class.getSimpleName(),
        "jersey.config.disableJsonBinding", true,
        "jersey.config.disableJsonProcessing", true,
        "jersey.config.disableMoxyJson", true,
        "jersey.config.server.wadl.disableWadl", true);
  }
}
