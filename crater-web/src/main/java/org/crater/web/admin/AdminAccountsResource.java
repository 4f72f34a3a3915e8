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
import org.crater.ejb.account.AccountService;
import org.crater.ejb.quota.ResourceQuantities;
import org.crater.model.account.Account;
import org.crater.web.account.AccountView;
import org.crater.web.account.AccountViews;
import org.crater.web.account.MemberView;
import org.crater.web.common.Problem;
import org.crater.web.security.AdminOnly;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts, their quotas and members, for administrators. */
@Path("api/v1/admin/accounts")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: accounts", description = "Accounts, quotas and members")
@APIResponse(
    responseCode = "403",
    description = "Not an administrator",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class AdminAccountsResource {

  @EJB private AccountService accounts;
  @Context private UriInfo uri;

  @GET
  @Operation(summary = "All accounts")
  @APIResponse(responseCode = "200", description = "The accounts, by name")
  public List<AccountView> list() {
    return accounts.list().stream().map(AccountViews::of).toList();
  }

  @POST
  @Operation(summary = "Create an account")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "400",
      description = "Invalid fields or quantities",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Name taken",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response create(@Valid @NotNull AccountRequest request) {
    Account account =
        accounts.create(
            request.name(),
            request.displayName(),
            ResourceQuantities.parse("quota", request.quota()),
            request.expiresAt(),
            request.monthlyGpuHours());
    return Response.created(uri.getAbsolutePathBuilder().path(account.getName()).build())
        .entity(AccountViews.of(account))
        .build();
  }

  @GET
  @Path("{name}")
  @Operation(summary = "One account")
  @APIResponse(responseCode = "200", description = "The account")
  @APIResponse(
      responseCode = "404",
      description = "No such account",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public AccountView get(@PathParam("name") String name) {
    return AccountViews.of(accounts.get(name));
  }

  @PUT
  @Path("{name}")
  @Operation(summary = "Change an account's display name, quota and expiry")
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(
      responseCode = "404",
      description = "No such account",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public AccountView update(@PathParam("name") String name, @Valid @NotNull AccountUpdate update) {
    return AccountViews.of(
        accounts.update(
            name,
            update.displayName(),
            ResourceQuantities.parse("quota", update.quota()),
            update.expiresAt(),
            update.monthlyGpuHours()));
  }

  @DELETE
  @Path("{name}")
  @Operation(
      summary = "Delete an account and its memberships (not the default account)",
      description =
          "An account whose jobs are on record is kept with them: 409 account-has-jobs; set its"
              + " expiry instead to stop new work.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "409",
      description = "The account has jobs on record (account-has-jobs)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "The default account",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response delete(@PathParam("name") String name) {
    accounts.delete(name);
    return Response.noContent().build();
  }

  @GET
  @Path("{name}/members")
  @Operation(summary = "The members of an account")
  @APIResponse(responseCode = "200", description = "Members, by username")
  public List<MemberView> members(@PathParam("name") String name) {
    return accounts.members(name).stream().map(AccountViews::member).toList();
  }

  @PUT
  @Path("{name}/members/{username}")
  @Operation(summary = "Add a member, or change their role and quota")
  @APIResponse(responseCode = "200", description = "The membership")
  @APIResponse(
      responseCode = "404",
      description = "No such account or user",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public MemberView putMember(
      @PathParam("name") String name,
      @PathParam("username") String username,
      @Valid @NotNull MemberRequest request) {
    return AccountViews.member(
        accounts.putMember(
            name, username, request.role(), ResourceQuantities.parse("quota", request.quota())));
  }

  @DELETE
  @Path("{name}/members/{username}")
  @Operation(summary = "Remove a member")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "404",
      description = "Not a member",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response removeMember(
      @PathParam("name") String name, @PathParam("username") String username) {
    accounts.removeMember(name, username);
    return Response.noContent().build();
  }
}
