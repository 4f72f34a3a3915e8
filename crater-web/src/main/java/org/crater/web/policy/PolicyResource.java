package org.crater.web.policy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.crater.ejb.policy.PolicyService;
import org.crater.model.account.Account;
import org.crater.web.common.Problem;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The policy that applies to the caller's jobs in one of their accounts. */
@Path("api/v1/policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "The limits your jobs run under")
public class PolicyResource {

  @EJB private PolicyService policies;
  @Inject private CurrentUser caller;

  @GET
  @Operation(summary = "The policy that applies to my jobs in an account (default: default)")
  @APIResponse(responseCode = "200", description = "The account's own policy or the default")
  @APIResponse(
      responseCode = "404",
      description = "Not an account of yours",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public PolicyView get(@QueryParam("account") @DefaultValue(Account.DEFAULT) String account) {
    return PolicyView.of(policies.applying(caller.get(), account));
  }
}
