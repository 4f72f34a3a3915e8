package org.crater.web.compat.auth;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.crater.ejb.auth.AuthService;
import org.crater.ejb.auth.TokenPair;
import org.crater.model.user.PlatformRole;
import org.crater.web.audit.AuditNote;
import org.crater.web.compat.CompatApi;
import org.crater.web.compat.CompatBodies;
import org.crater.web.compat.CompatError;
import org.crater.web.compat.CompatErrors;
import org.crater.web.compat.Roles;
import org.crater.web.security.ClientAddress;
import org.crater.web.security.Public;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Crater v0.1.0's login, sign-up and refresh routes, over the native auth service. They live at the
 * context root, as in v0.1.0; a longer class path (such as {@code v1}) would shadow them in JAX-RS
 * matching, which is why {@code /v1/healthz} has a class of its own.
 */
@Path("")
@Public
@CompatApi(envelope = false)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = CompatApi.TAG, description = CompatApi.TAG_DESCRIPTION)
@APIResponse(
    responseCode = "400",
    description = "A body v0.1.0 could not bind",
    content = @Content(schema = @Schema(implementation = CompatError.class)))
public class CompatAuthResource {

  @EJB private AuthService auth;
  @Inject private CompatBodies bodies;
  @Inject private ClientAddress address;
  @Inject private AuditNote note;
  @Context private HttpServletRequest http;

  @POST
  @Path("login")
  @CompatApi(envelope = false, badRequest = CompatErrors.LOGIN_BAD_REQUEST)
  @Operation(summary = "Log in: {accessToken, refreshToken, role}")
  @RequestBody(content = @Content(schema = @Schema(implementation = AuthBodies.Login.class)))
  @APIResponse(responseCode = "200", description = "Logged in")
  @APIResponse(
      responseCode = "401",
      description = "Wrong username or password (40101)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  public Tokens login(InputStream body) {
    AuthBodies.Login login = bodies.read(body, AuthBodies.Login.class);
    note.tried(login.userName());
    return Tokens.withRole(noted(auth.login(login.userName(), login.passWord(), address.of(http))));
  }

  @POST
  @Path("signup")
  @CompatApi(envelope = false, badRequest = CompatErrors.SIGNUP_BAD_REQUEST)
  @Operation(summary = "Sign up as a user and log in; never as an administrator")
  @RequestBody(content = @Content(schema = @Schema(implementation = AuthBodies.Signup.class)))
  @APIResponse(responseCode = "200", description = "Signed up and logged in")
  @APIResponse(
      responseCode = "409",
      description = "Username taken (40901)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  public Tokens signup(InputStream body) {
    AuthBodies.Signup signup = bodies.read(body, AuthBodies.Signup.class);
    note.tried(signup.userName());
    // v0.1.0 let anyone sign up as an administrator; Crater never does.
    if (Roles.parse(signup.role()) != PlatformRole.USER) {
      throw Roles.invalid("Sign-up creates users only; an administrator grants the admin role.");
    }
    auth.signup(signup.userName(), signup.passWord(), null, null);
    return Tokens.withRole(
        noted(auth.login(signup.userName(), signup.passWord(), address.of(http))));
  }

  @POST
  @Path("refresh")
  @CompatApi(envelope = false, badRequest = CompatErrors.REFRESH_BAD_REQUEST)
  @Operation(summary = "Trade a refresh token for a new pair: {accessToken, refreshToken}")
  @RequestBody(content = @Content(schema = @Schema(implementation = AuthBodies.Refresh.class)))
  @APIResponse(responseCode = "200", description = "A new pair")
  @APIResponse(
      responseCode = "401",
      description = "Invalid, expired, used or revoked refresh token (40102)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  public Tokens refresh(InputStream body) {
    return Tokens.of(
        noted(auth.refresh(bodies.read(body, AuthBodies.Refresh.class).refreshToken())));
  }

  private TokenPair noted(TokenPair pair) {
    note.succeeded(pair.user().getId(), pair.user().getUsername());
    return pair;
  }
}
