package org.crater.web.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.crater.ejb.account.AccountService;
import org.crater.web.common.Problem;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's accounts. */
@Path("api/v1/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "The accounts (projects) you belong to")
public class AccountsResource {

  @EJB private AccountService accounts;
  @Inject private CurrentUser caller;

  @GET
  @Operation(summary = "My accounts, with my role and quota in each")
  @APIResponse(responseCode = "200", description = "My memberships")
  @APIResponse(
      responseCode = "401",
      description = "Not authenticated",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public List<MembershipView> mine() {
    return accounts.membershipsOf(caller.id()).stream().map(AccountViews::membership).toList();
  }

  @GET
  @Path("{name}")
  @Operation(summary = "One of my accounts")
  @APIResponse(responseCode = "200", description = "The membership")
  @APIResponse(
      responseCode = "404",
      description = "No such account, or not one of mine",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public MembershipView get(@PathParam("name") String name) {
    return AccountViews.membership(accounts.membershipOf(name, caller.id()));
  }
}
