package org.crater.web.node;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.crater.ejb.job.JobService;
import org.crater.ejb.node.GpuModelInfo;
import org.crater.ejb.node.NodeInfo;
import org.crater.ejb.node.NodeService;
import org.crater.ejb.quota.ResourceQuantities;
import org.crater.web.common.Problem;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Nodes and GPU models, for every signed-in user. Administrators see every pod, job and account;
 * anyone else sees counts, and the names of their own jobs' pods and of their own accounts.
 */
@Path("api/v1/nodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Nodes", description = "The cluster's nodes and GPUs")
@APIResponse(
    responseCode = "503",
    description = "No cluster configured, or its view still loading; see Retry-After",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class NodesResource {

  @EJB private NodeService nodes;
  @EJB private JobService jobs;
  @Inject private CurrentUser caller;

  @GET
  @Operation(summary = "Every node with its GPU model, resources and pods")
  @APIResponse(responseCode = "200", description = "Nodes, by name")
  public List<NodeView> list() {
    return nodes.nodes(caller.get()).stream().map(NodesResource::view).toList();
  }

  @GET
  @Path("gpus")
  @Operation(summary = "Free and allocated GPUs per model")
  @APIResponse(responseCode = "200", description = "GPU models, by name")
  public List<GpuModelView> gpus() {
    return nodes.gpuModels().stream().map(NodesResource::view).toList();
  }

  @GET
  @Path("summary")
  @Operation(
      summary = "The cluster at a glance: nodes, free GPUs per model, queued jobs per account")
  @APIResponse(responseCode = "200", description = "The summary")
  public ClusterSummaryView summary() {
    List<NodeInfo> all = nodes.nodes(caller.get());
    return new ClusterSummaryView(
        all.size(),
        (int) all.stream().filter(n -> n.ready() && n.schedulable()).count(),
        gpus(),
        jobs.queuedInAll(),
        jobs.queuedByAccount(caller.get()));
  }

  @GET
  @Path("{name}")
  @Operation(summary = "One node")
  @APIResponse(responseCode = "200", description = "The node")
  @APIResponse(
      responseCode = "404",
      description = "No such node",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public NodeView get(@PathParam("name") String name) {
    return view(nodes.node(caller.get(), name));
  }

  private static NodeView view(NodeInfo node) {
    return new NodeView(
        node.name(),
        node.ready(),
        node.schedulable(),
        node.gpuModel(),
        ResourceQuantities.format(node.capacity()),
        ResourceQuantities.format(node.allocatable()),
        ResourceQuantities.format(node.allocated()),
        ResourceQuantities.format(node.free()),
        node.podCount(),
        node.jobCount(),
        node.pods(),
        node.jobs());
  }

  private static GpuModelView view(GpuModelInfo model) {
    return new GpuModelView(
        model.model(),
        model.nodes(),
        model.usableNodes(),
        model.allocatable(),
        model.allocated(),
        model.free(),
        model.largestFree());
  }
}
