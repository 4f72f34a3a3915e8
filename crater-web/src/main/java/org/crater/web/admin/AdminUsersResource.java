package org.crater.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.crater.ejb.account.AccountService;
import org.crater.ejb.user.UserPage;
import org.crater.ejb.user.UserService;
import org.crater.model.user.PlatformRole;
import org.crater.model.user.User;
import org.crater.model.user.UserStatus;
import org.crater.web.account.AccountViews;
import org.crater.web.common.PageView;
import org.crater.web.common.Problem;
import org.crater.web.common.QueryParams;
import org.crater.web.security.AdminOnly;
import org.crater.web.security.CurrentUser;
import org.crater.web.user.UserView;
import org.crater.web.user.UserViews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users, for administrators. */
@Path("api/v1/admin/users")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: users", description = "Roles, status and removal of users")
@APIResponse(
    responseCode = "403",
    description = "Not an administrator",
    content = @Content(schema = @Schema(implementation = Problem.class)))
public class AdminUsersResource {

  @EJB private UserService users;
  @EJB private AccountService accounts;
  @Inject private CurrentUser caller;

  @GET
  @Operation(summary = "Users, by name, filtered by text, role and status")
  @APIResponse(responseCode = "200", description = "One page")
  public PageView<UserView> list(
      @QueryParam("q") @Size(max = 128) String text,
      @QueryParam("role") String role,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
    UserPage found =
        users.page(
            text,
            QueryParams.enumOf(PlatformRole.class, "role", role),
            QueryParams.enumOf(UserStatus.class, "status", status),
            page * size,
            size);
    return new PageView<>(
        found.items().stream().map(UserViews::of).toList(), page, size, found.total());
  }

  @GET
  @Path("{username}")
  @Operation(summary = "A user and their accounts")
  @APIResponse(responseCode = "200", description = "The user")
  @APIResponse(
      responseCode = "404",
      description = "No such user",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public UserDetailView get(@PathParam("username") String username) {
    User user = users.get(username);
    return new UserDetailView(
        UserViews.of(user),
        accounts.membershipsOf(user.getId()).stream().map(AccountViews::membership).toList());
  }

  @PUT
  @Path("{username}/role")
  @Operation(summary = "Change a user's platform role")
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(
      responseCode = "422",
      description = "Your own role",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public UserView changeRole(
      @PathParam("username") String username, @Valid @NotNull RoleChange change) {
    return UserViews.of(users.changeRole(username, change.role(), caller.id()));
  }

  @PUT
  @Path("{username}/status")
  @Operation(summary = "Disable or re-enable a user")
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(
      responseCode = "422",
      description = "Your own status",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public UserView changeStatus(
      @PathParam("username") String username, @Valid @NotNull StatusChange change) {
    return UserViews.of(users.changeStatus(username, change.status(), caller.id()));
  }

  @DELETE
  @Path("{username}")
  @Operation(
      summary = "Delete a user, their memberships and sessions",
      description =
          "A user whose jobs are on record is kept with them: 409 user-has-jobs; disable the user"
              + " instead.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No such user",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The user has jobs on record (user-has-jobs)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response delete(@PathParam("username") String username) {
    users.delete(username, caller.id());
    return Response.noContent().build();
  }
}
