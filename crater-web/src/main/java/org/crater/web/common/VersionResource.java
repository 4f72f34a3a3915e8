package org.crater.web.common;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.crater.ejb.common.SystemInfo;
import org.crater.ejb.common.SystemService;
import org.crater.web.security.Public;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The version of the running instance; public, so clients can check compatibility before login. */
@Public
@Path("api/v1/version")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System", description = "The running instance")
public class VersionResource {

  @EJB private SystemService system;

  @GET
  @Operation(summary = "Build and schema version of this instance")
  @APIResponse(
      responseCode = "200",
      description = "The versions",
      content = @Content(schema = @Schema(implementation = VersionView.class)))
  public VersionView get() {
    SystemInfo info = system.info();
    return new VersionView(info.version(), info.schemaVersion(), "v1");
  }
}
