package org.crater.web.compat.data;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.crater.ejb.common.CraterException;
import org.crater.web.compat.CompatApi;
import org.crater.web.compat.CompatError;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Crater v0.1.0's recommendation-job routes. They drove an external research operator that Crater
 * does not have, so each answers 501 in the v0.1.0 error shape.
 */
@Path("v1/recommenddljob")
@CompatApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = CompatApi.TAG, description = CompatApi.TAG_DESCRIPTION)
@APIResponse(
    responseCode = "501",
    description = "Not offered by Crater (50101)",
    content = @Content(schema = @Schema(implementation = CompatError.class)))
public class RecommendDlJobsResource {

  @GET
  @Path("{route: list|info|pods}")
  @Operation(summary = "Not offered: recommendation jobs")
  public void read() {
    throw notOffered();
  }

  @POST
  @Path("{route: create|delete|analyze}")
  @Operation(summary = "Not offered: recommendation jobs")
  public void change() {
    throw notOffered();
  }

  private static CraterException notOffered() {
    return new CraterException(
        501,
        "not-implemented",
        "Crater does not run recommendation jobs (recommenddljob); submit an AI task with"
            + " /v1/aitask/create instead.");
  }
}
