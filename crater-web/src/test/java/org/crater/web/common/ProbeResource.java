package org.crater.web.common;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.crater.ejb.account.AccountNotFoundException;
import org.crater.web.security.Public;

/**
 * Test-only resource, added to the deployed war by {@link FoundationIT} to drive the error mappers.
 */
@Public
@Path("test/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

  /** A body with constraints. */
  public record ProbeRequest(@NotBlank String name, @Min(1) @Max(10) int count) {}

  @POST
  public ProbeRequest echo(@Valid ProbeRequest request) {
    return request;
  }

  @GET
  @Path("domain")
  public String domainError() {
    throw new AccountNotFoundException("ghost");
  }

  @GET
  @Path("boom")
  public String unexpected() {
    throw new IllegalStateException("secret-detail-xyz");
  }
}
