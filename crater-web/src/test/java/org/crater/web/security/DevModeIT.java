package org.crater.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Development mode switched on ({@code CRATER_DEV_MODE=true}, a failsafe execution of its own): the
 * debug header authenticates as an existing user and the local frontend origin gets CORS with
 * credentials, on the native and the v0.1.0 routes. The other integration tests prove both are
 * absent by default.
 */
@ExtendWith(ArquillianExtension.class)
class DevModeIT {

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  @Test
  void theDebugHeaderActsAsAnExistingUser() {
    String username = Api.unique("dora");
    Api.at(base)
        .post("api/v1/auth/signup", Map.of("username", username, "password", "correct horse 2"));

    Reply me = Api.at(base).with("X-Debug-Username", username).get("api/v1/auth/me");
    Reply ghost = Api.at(base).with("X-Debug-Username", Api.unique("ghost")).get("api/v1/auth/me");
    Reply notAdmin = Api.at(base).with("X-Debug-Username", username).get("api/v1/admin/users");

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().path("user").path("username").asText()).isEqualTo(username);
    assertThat(ghost.status()).isEqualTo(401);
    assertThat(notAdmin.status()).as("the header never lifts a role").isEqualTo(403);
  }

  @Test
  void theLocalFrontendGetsCorsWithCredentials() {
    Reply preflight =
        Api.at(base)
            .with("Origin", "http://localhost:5173")
            .with("Access-Control-Request-Method", "POST")
            .send("OPTIONS", "api/v1/auth/login", null);
    Reply actual = Api.at(base).with("Origin", "http://localhost:5173").get("api/v1/version");
    Reply stranger = Api.at(base).with("Origin", "http://evil.example").get("api/v1/version");

    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
    assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
    assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void theV010RoutesGetCorsAndTheDebugHeaderToo() {
    String username = Api.unique("vic");
    Api.at(base)
        .post(
            "signup", Map.of("userName", username, "password", "correct horse 2", "role", "user"));
    Api frontend = Api.at(base).with("Origin", "http://localhost:5173");

    Reply preflight =
        frontend
            .with("Access-Control-Request-Method", "POST")
            .with("Access-Control-Request-Headers", "authorization, content-type")
            .send("OPTIONS", "v1/aitask/create", null);
    Reply list = frontend.with("X-Debug-Username", username).get("v1/aitask/list");
    Reply refused = frontend.get("v1/aitask/list");

    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");
    assertThat(list.status()).as(list.raw()).isEqualTo(200);
    assertThat(list.body().path("data").path("Tasks").isArray()).isTrue();
    assertThat(list.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
    assertThat(refused.body().path("errorCode").asInt()).isEqualTo(40106);
    assertThat(refused.header("Access-Control-Allow-Origin"))
        .as("errors carry CORS headers too, so the frontend can read the code")
        .isEqualTo("http://localhost:5173");
  }
}
