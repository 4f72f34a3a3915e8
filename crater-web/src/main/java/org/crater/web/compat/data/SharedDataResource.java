package org.crater.web.compat.data;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.crater.web.compat.CompatApi;
import org.crater.web.compat.CompatError;
import org.crater.web.compat.Envelope;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Crater v0.1.0's share-dir and dataset routes. */
@Path("v1")
@CompatApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = CompatApi.TAG, description = CompatApi.TAG_DESCRIPTION)
@APIResponse(
    responseCode = "401",
    description = "No, an invalid or an expired token (40106, 40105)",
    content = @Content(schema = @Schema(implementation = CompatError.class)))
public class SharedDataResource {

  @Inject private SharedData data;
  @Inject private CurrentUser caller;

  @GET
  @Path("sharedir/list")
  @Operation(summary = "The share dirs I may mount, by claim name")
  @APIResponse(responseCode = "200", description = "Claim names")
  public Envelope<List<String>> shareDirs() {
    return Envelope.of(data.shareDirs(caller.get()));
  }

  @GET
  @Path("dataset/list")
  @Operation(summary = "The datasets I may use")
  @APIResponse(responseCode = "200", description = "Datasets")
  public Envelope<List<DatasetView>> datasets() {
    return Envelope.of(data.datasets(caller.get()));
  }

  @GET
  @Path("dataset/info")
  @Operation(summary = "One of my datasets")
  @APIResponse(responseCode = "200", description = "The dataset")
  @APIResponse(
      responseCode = "404",
      description = "No such dataset (40401)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  public Envelope<DatasetView> dataset(@QueryParam("name") String name) {
    return Envelope.of(data.dataset(caller.get(), name));
  }
}
