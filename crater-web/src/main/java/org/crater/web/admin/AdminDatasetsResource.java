package org.crater.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.crater.ejb.dataset.DatasetService;
import org.crater.model.dataset.Dataset;
import org.crater.web.common.Problem;
import org.crater.web.dataset.DatasetDetailView;
import org.crater.web.dataset.DatasetViews;
import org.crater.web.security.AdminOnly;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Datasets and share dirs and who may mount them, for administrators. */
@Path("api/v1/admin/datasets")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: datasets", description = "Datasets, share dirs and who may mount them")
@APIResponse(
    responseCode = "403",
    description = "Not an administrator",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class AdminDatasetsResource {

  @EJB private DatasetService datasets;
  @Context private UriInfo uri;

  @GET
  @Operation(summary = "All datasets")
  @APIResponse(responseCode = "200", description = "The datasets, by name")
  public List<DatasetDetailView> list() {
    return datasets.list().stream().map(DatasetViews::detail).toList();
  }

  @POST
  @Operation(summary = "Register a dataset or share dir and say who may mount it")
  @APIResponse(responseCode = "201", description = "Registered")
  @APIResponse(
      responseCode = "400",
      description = "Invalid fields, or unknown accounts or users",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Name taken",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response create(@Valid @NotNull DatasetRequest request) {
    Dataset dataset = datasets.create(request.name(), request.spec());
    return Response.created(uri.getAbsolutePathBuilder().path(dataset.getName()).build())
        .entity(DatasetViews.detail(dataset))
        .build();
  }

  @GET
  @Path("{name}")
  @Operation(summary = "One dataset")
  @APIResponse(responseCode = "200", description = "The dataset")
  @APIResponse(
      responseCode = "404",
      description = "No such dataset",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public DatasetDetailView get(@PathParam("name") String name) {
    return DatasetViews.detail(datasets.get(name));
  }

  @PUT
  @Path("{name}")
  @Operation(summary = "Change everything about a dataset but its name, including who may mount it")
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(
      responseCode = "400",
      description = "Invalid fields, or unknown accounts or users",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such dataset",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public DatasetDetailView update(
      @PathParam("name") String name, @Valid @NotNull DatasetUpdate update) {
    return DatasetViews.detail(datasets.update(name, update.spec()));
  }

  @DELETE
  @Path("{name}")
  @Operation(summary = "Delete a dataset; jobs already submitted keep their mounts")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No such dataset",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response delete(@PathParam("name") String name) {
    datasets.delete(name);
    return Response.noContent().build();
  }
}
