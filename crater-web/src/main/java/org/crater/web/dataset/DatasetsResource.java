package org.crater.web.dataset;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.crater.ejb.dataset.DatasetService;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The datasets and share dirs the caller may mount. */
@Path("api/v1/datasets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets", description = "Datasets and share dirs you may mount")
public class DatasetsResource {

  @EJB private DatasetService datasets;
  @Inject private CurrentUser caller;

  @GET
  @Operation(
      summary =
          "The datasets you may mount: for everyone, shared with you, or with an account of yours")
  @APIResponse(responseCode = "200", description = "Datasets, by name")
  public List<DatasetView> mine() {
    return datasets.visibleTo(caller.id()).stream().map(DatasetViews::of).toList();
  }
}
