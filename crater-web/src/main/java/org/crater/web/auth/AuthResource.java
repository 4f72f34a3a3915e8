package org.crater.web.auth;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.crater.ejb.account.AccountService;
import org.crater.ejb.auth.AuthService;
import org.crater.ejb.auth.TokenPair;
import org.crater.ejb.user.UserService;
import org.crater.web.account.AccountViews;
import org.crater.web.audit.AuditNote;
import org.crater.web.common.Problem;
import org.crater.web.security.ClientAddress;
import org.crater.web.security.CurrentUser;
import org.crater.web.security.Public;
import org.crater.web.user.UserViews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Login, token refresh, logout, sign-up and the caller's own profile. */
@Path("api/v1/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth", description = "Tokens and who you are")
public class AuthResource {

  @EJB private AuthService auth;
  @EJB private UserService users;
  @EJB private AccountService accounts;
  @Inject private CurrentUser caller;
  @Inject private ClientAddress address;
  @Inject private AuditNote note;
  @Inject private Clock clock;
  @Context private HttpServletRequest http;

  @POST
  @Path("login")
  @Public
  @Operation(summary = "Log in: an access token (1 h) and a refresh token (7 d)")
  @APIResponse(responseCode = "200", description = "Logged in")
  @APIResponse(
      responseCode = "401",
      description = "Wrong username or password",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "403",
      description = "User disabled",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "429",
      description = "Too many attempts; see Retry-After",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public TokenView login(@Valid @NotNull LoginRequest request) {
    note.tried(request.username());
    return view(auth.login(request.username(), request.password(), address.of(http)));
  }

  @POST
  @Path("refresh")
  @Public
  @Operation(summary = "Trade a refresh token for a new pair; each refresh token works once")
  @APIResponse(responseCode = "200", description = "A new pair")
  @APIResponse(
      responseCode = "401",
      description = "Invalid, expired, used or revoked token",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public TokenView refresh(@Valid @NotNull RefreshRequest request) {
    return view(auth.refresh(request.refreshToken()));
  }

  @POST
  @Path("logout")
  @Public
  @Operation(summary = "End the session of a refresh token")
  @APIResponse(responseCode = "204", description = "Logged out")
  public Response logout(@Valid @NotNull RefreshRequest request) {
    var session = auth.logout(request.refreshToken());
    note.succeeded(session.userId(), session.username());
    return Response.noContent().build();
  }

  @POST
  @Path("signup")
  @Public
  @Operation(summary = "Create a user (when sign-up is enabled); never an administrator")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "403",
      description = "Sign-up disabled",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Username taken",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response signup(@Valid @NotNull SignupRequest request) {
    note.tried(request.username());
    var user =
        auth.signup(request.username(), request.password(), request.displayName(), request.email());
    note.succeeded(user.getId(), user.getUsername());
    return Response.status(Response.Status.CREATED).entity(UserViews.of(user)).build();
  }

  @GET
  @Path("me")
  @Operation(summary = "Who I am and my accounts")
  @APIResponse(responseCode = "200", description = "Me")
  @APIResponse(
      responseCode = "401",
      description = "Not authenticated",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public MeView me() {
    return new MeView(
        UserViews.of(users.get(caller.get().username())),
        accounts.membershipsOf(caller.id()).stream().map(AccountViews::membership).toList());
  }

  private TokenView view(TokenPair pair) {
    note.succeeded(pair.user().getId(), pair.user().getUsername());
    long expiresIn = Duration.between(clock.instant(), pair.accessExpiresAt()).toSeconds();
    return new TokenView(
        pair.accessToken(),
        "Bearer",
        Math.max(0, expiresIn),
        pair.refreshToken(),
        pair.refreshExpiresAt(),
        UserViews.of(pair.user()));
  }
}
