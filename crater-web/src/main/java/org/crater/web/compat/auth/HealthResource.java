package org.crater.web.compat.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.crater.web.compat.CompatApi;
import org.crater.web.security.Public;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Crater v0.1.0's health route; the real probes are {@code /health/live} and {@code /ready}. */
@Path("v1/healthz")
@Public
@CompatApi(envelope = false)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = CompatApi.TAG, description = CompatApi.TAG_DESCRIPTION)
public class HealthResource {

  @GET
  @Operation(summary = "{message: \"ok\"} while the server answers")
  @APIResponse(responseCode = "200", description = "Up")
  public Map<String, String> health() {
    return Map.of("message", "ok");
  }
}
