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
 * does not have, so each answers 501 in the v0.1.0 error shape. One method per route, so that the
 * OpenAPI document lists plain paths (a regular expression in a path template is no valid path).
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
  @Path("list")
  @Operation(summary = "Not offered: recommendation jobs")
  public void list() {
    throw notOffered();
  }

  @GET
  @Path("info")
  @Operation(summary = "Not offered: recommendation jobs")
  public void info() {
    throw notOffered();
  }

  @GET
  @Path("pods")
  @Operation(summary = "Not offered: recommendation jobs")
  public void pods() {
    throw notOffered();
  }

  @POST
  @Path("create")
  @Operation(summary = "Not offered: recommendation jobs")
  public void create() {
    throw notOffered();
  }

  @POST
  @Path("delete")
  @Operation(summary = "Not offered: recommendation jobs")
  public void delete() {
    throw notOffered();
  }

  @POST
  @Path("analyze")
  @Operation(summary = "Not offered: recommendation jobs")
  public void analyze() {
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
