package org.crater.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.web.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.crater.ejb.auth.TokenCodec;
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
 * Identity over HTTP on the built war and MariaDB: sign-up, login, refresh rotation, logout, token
 * rules, throttling, development-mode features being off, and that users stay inside their own
 * data.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

  private static final String PASSWORD = "correct horse battery";

  /** CRATER_AUTH_REFRESH_GRACE of the integration tests' server (crater-web/pom.xml). */
  private static final Duration REFRESH_GRACE = Duration.ofSeconds(2);

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  /** A signed-up user with a fresh login. */
  record Session(String username, JsonNode tokens, Api api) {
    String refreshToken() {
      return tokens.path("refreshToken").asText();
    }
  }

  private Api api() {
    return Api.at(base);
  }

  private Session signUpAndLogIn(String prefix) {
    String username = unique(prefix);
    Reply signup =
        api().post("api/v1/auth/signup", Map.of("username", username, "password", PASSWORD));
    assertThat(signup.status()).as(signup.raw()).isEqualTo(201);
    return logIn(username, PASSWORD);
  }

  private Session logIn(String username, String password) {
    Reply login =
        api().post("api/v1/auth/login", Map.of("username", username, "password", password));
    assertThat(login.status()).as(login.raw()).isEqualTo(200);
    return new Session(username, login.body(), api().as(login.body().path("accessToken").asText()));
  }

  private Api admin() {
    return api().asAdmin();
  }

  @Test
  void signUpLogInAndSeeMyself() {
    Session alice = signUpAndLogIn("alice");

    Reply me = alice.api().get("api/v1/auth/me");

    assertThat(alice.tokens().path("tokenType").asText()).isEqualTo("Bearer");
    assertThat(alice.tokens().path("expiresIn").asLong()).isBetween(3500L, 3600L);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().path("user").path("username").asText()).isEqualTo(alice.username());
    assertThat(me.body().path("user").path("role").asText()).isEqualTo("USER");
    assertThat(me.body().path("user").has("passwordHash")).isFalse();
    assertThat(me.body().path("accounts").get(0).path("account").path("name").asText())
        .isEqualTo("default");
  }

  @Test
  void signUpNeverGrantsAdmin() {
    Reply withRole =
        api()
            .post(
                "api/v1/auth/signup",
                Map.of("username", unique("eve"), "password", PASSWORD, "role", "ADMIN"));

    assertThat(withRole.status()).isEqualTo(400);
    assertThat(withRole.body().path("errors").get(0).path("field").asText()).isEqualTo("role");
  }

  @Test
  void badSignUpBodiesNameTheFields() {
    Reply reply =
        api().post("api/v1/auth/signup", Map.of("username", "Not_A_Label", "password", "short"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("validation-failed");
    assertThat(reply.body().path("errors").findValuesAsText("field"))
        .containsExactly("password", "username");
  }

  @Test
  void takenUsernamesConflict() {
    Session bob = signUpAndLogIn("bob");

    Reply again =
        api().post("api/v1/auth/signup", Map.of("username", bob.username(), "password", PASSWORD));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("user-exists");
  }

  @Test
  void wrongUserAndWrongPasswordGetTheSameAnswer() {
    Session carol = signUpAndLogIn("carol");

    Reply wrongPassword =
        api()
            .post(
                "api/v1/auth/login", Map.of("username", carol.username(), "password", "nope-nope"));
    Reply wrongUser =
        api()
            .post(
                "api/v1/auth/login", Map.of("username", unique("nobody"), "password", "nope-nope"));

    assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(wrongUser.status());
    assertThat(wrongPassword.code()).isEqualTo("invalid-credentials").isEqualTo(wrongUser.code());
    assertThat(wrongPassword.body().path("detail")).isEqualTo(wrongUser.body().path("detail"));
  }

  @Test
  void loginIsThrottledPerUsername() {
    String username = unique("mallory");
    Reply last = null;
    for (int i = 0; i < 6; i++) {
      last =
          api().post("api/v1/auth/login", Map.of("username", username, "password", "guess-" + i));
    }

    assertThat(last.status()).isEqualTo(429);
    assertThat(last.code()).isEqualTo("too-many-attempts");
    assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
  }

  @Test
  void refreshRotatesAndATokenReusedAfterTheGraceRevokesTheFamily() throws InterruptedException {
    Session dave = signUpAndLogIn("dave");

    Reply first = api().post("api/v1/auth/refresh", Map.of("refreshToken", dave.refreshToken()));
    Api asFirst = api().as(first.body().path("accessToken").asText());
    int beforeReuse = asFirst.get("api/v1/auth/me").status();
    Thread.sleep(REFRESH_GRACE.plusMillis(500).toMillis());
    Reply reused = api().post("api/v1/auth/refresh", Map.of("refreshToken", dave.refreshToken()));
    Reply successor =
        api()
            .post(
                "api/v1/auth/refresh",
                Map.of("refreshToken", first.body().path("refreshToken").asText()));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().path("refreshToken").asText()).isNotEqualTo(dave.refreshToken());
    assertThat(beforeReuse).isEqualTo(200);
    assertThat(reused.status()).isEqualTo(401);
    assertThat(reused.code()).isEqualTo("token-revoked");
    assertThat(successor.status()).as("the whole family is revoked").isEqualTo(401);
    assertThat(asFirst.get("api/v1/auth/me").code())
        .as("and so are the session's access tokens")
        .isEqualTo("token-revoked");
  }

  @Test
  void parallelRefreshesWithOneTokenAllGetTheSameNewPair() throws Exception {
    Session ivan = signUpAndLogIn("ivan");
    Map<String, String> body = Map.of("refreshToken", ivan.refreshToken());

    List<Reply> replies = Api.inParallel(3, () -> api().post("api/v1/auth/refresh", body));
    Reply later = api().post("api/v1/auth/refresh", body);

    assertThat(replies).extracting(Reply::status).containsOnly(200);
    assertThat(replies)
        .extracting(reply -> reply.body().path("refreshToken").asText())
        .doesNotContain(ivan.refreshToken())
        .containsOnly(later.body().path("refreshToken").asText());
    assertThat(replies)
        .extracting(reply -> reply.body().path("accessToken").asText())
        .containsOnly(later.body().path("accessToken").asText());
    String next = later.body().path("refreshToken").asText();
    assertThat(api().post("api/v1/auth/refresh", Map.of("refreshToken", next)).status())
        .as("the pair they share keeps working")
        .isEqualTo(200);
  }

  @Test
  void logoutEndsTheRefreshTokenAndTheSessionsAccessToken() {
    Session erin = signUpAndLogIn("erin");
    assertThat(erin.api().get("api/v1/auth/me").status()).isEqualTo(200);

    Reply logout = api().post("api/v1/auth/logout", Map.of("refreshToken", erin.refreshToken()));
    Reply refresh = api().post("api/v1/auth/refresh", Map.of("refreshToken", erin.refreshToken()));

    assertThat(logout.status()).isEqualTo(204);
    assertThat(refresh.status()).isEqualTo(401);
    assertThat(erin.api().get("api/v1/auth/me").code()).isEqualTo("token-revoked");
  }

  @Test
  void badTokensAreRefused() {
    Session frank = signUpAndLogIn("frank");
    String access = frank.tokens().path("accessToken").asText();
    String[] parts = access.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + flip(parts[2]);
    String algNone = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    String expired = sign(frank, TokenCodec.Type.ACCESS, Instant.now().minusSeconds(3600));

    for (String token : List.of(tampered, algNone, expired, frank.refreshToken(), "garbage")) {
      Reply reply = api().as(token).get("api/v1/auth/me");
      assertThat(reply.status()).as(token).isEqualTo(401);
      assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
    }
    assertThat(api().as(expired).get("api/v1/auth/me").code()).isEqualTo("token-expired");
    assertThat(api().get("api/v1/auth/me").code()).isEqualTo("authentication-required");
  }

  @Test
  void developmentFeaturesAreOffByDefault() {
    Reply debug = api().with("X-Debug-Username", "admin").get("api/v1/auth/me");
    Reply preflight =
        api()
            .with("Origin", "http://localhost:5173")
            .with("Access-Control-Request-Method", "GET")
            .send("OPTIONS", "api/v1/auth/me", null);

    assertThat(debug.status()).isEqualTo(401);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void disabledUsersCannotLogInRefreshOrCallTheApi() {
    Session grace = signUpAndLogIn("grace");
    Api admin = admin();

    Reply disable =
        admin.put(
            "api/v1/admin/users/" + grace.username() + "/status", Map.of("status", "DISABLED"));

    assertThat(disable.status()).isEqualTo(200);
    assertThat(
            api()
                .post(
                    "api/v1/auth/login", Map.of("username", grace.username(), "password", PASSWORD))
                .code())
        .isEqualTo("user-disabled");
    assertThat(
            api()
                .post("api/v1/auth/refresh", Map.of("refreshToken", grace.refreshToken()))
                .status())
        .isEqualTo(403);
    assertThat(grace.api().get("api/v1/auth/me").status()).isEqualTo(403);
    admin.put("api/v1/admin/users/" + grace.username() + "/status", Map.of("status", "ACTIVE"));
    assertThat(grace.api().get("api/v1/auth/me").status()).isEqualTo(200);
  }

  @Test
  void aUserGets403OnEveryAdminRoute() {
    Session heidi = signUpAndLogIn("heidi");
    List<String[]> routes =
        List.of(
            new String[] {"GET", "api/v1/admin/users"},
            new String[] {"GET", "api/v1/admin/users/admin"},
            new String[] {"PUT", "api/v1/admin/users/admin/role"},
            new String[] {"PUT", "api/v1/admin/users/admin/status"},
            new String[] {"DELETE", "api/v1/admin/users/admin"},
            new String[] {"GET", "api/v1/admin/accounts"},
            new String[] {"POST", "api/v1/admin/accounts"},
            new String[] {"GET", "api/v1/admin/accounts/default"},
            new String[] {"PUT", "api/v1/admin/accounts/default"},
            new String[] {"DELETE", "api/v1/admin/accounts/default"},
            new String[] {"GET", "api/v1/admin/accounts/default/members"},
            new String[] {"PUT", "api/v1/admin/accounts/default/members/" + heidi.username()},
            new String[] {"DELETE", "api/v1/admin/accounts/default/members/" + heidi.username()});

    for (String[] route : routes) {
      Object body = route[0].equals("GET") || route[0].equals("DELETE") ? null : "{}";
      Reply reply = heidi.api().send(route[0], route[1], body);
      assertThat(reply.status()).as(route[0] + " " + route[1]).isEqualTo(403);
      assertThat(reply.code()).isEqualTo("admin-only");
    }
  }

  @Test
  void aUserSeesOnlyTheirOwnAccounts() {
    Session ivan = signUpAndLogIn("ivan");
    Session judy = signUpAndLogIn("judy");
    String lab = unique("lab");
    Api admin = admin();
    admin.post(
        "api/v1/admin/accounts",
        Map.of("name", lab, "displayName", "Lab", "quota", Map.of("nvidia.com/gpu", "4")));
    admin.put(
        "api/v1/admin/accounts/" + lab + "/members/" + ivan.username(),
        Map.of("role", "MEMBER", "quota", Map.of("nvidia.com/gpu", "2")));

    Reply mine = ivan.api().get("api/v1/accounts/" + lab);
    Reply theirs = judy.api().get("api/v1/accounts/" + lab);
    Reply judyList = judy.api().get("api/v1/accounts");

    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body().path("quota").path("nvidia.com/gpu").asText()).isEqualTo("2");
    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.raw()).doesNotContain("Lab");
    assertThat(judyList.body().findValuesAsText("name")).doesNotContain(lab);
  }

  @Test
  void myQuotaShowsLimitsAndUsagePerAccount() {
    Session kim = signUpAndLogIn("kim");

    Reply quota = kim.api().get("api/v1/quota");

    assertThat(quota.status()).isEqualTo(200);
    JsonNode defaults = quota.body().get(0);
    assertThat(defaults.path("account").asText()).isEqualTo("default");
    JsonNode gpu = null;
    for (JsonNode resource : defaults.path("resources")) {
      if (resource.path("name").asText().equals("nvidia.com/gpu")) {
        gpu = resource;
      }
    }
    assertThat(gpu).isNotNull();
    assertThat(gpu.path("limit").asText()).isEqualTo("1");
    assertThat(gpu.path("used").asText()).isEqualTo("0");
    assertThat(gpu.path("accountLimit").asText()).isEqualTo("16");
  }

  private static String flip(String signature) {
    char last = signature.charAt(signature.length() - 2);
    char other = last == 'A' ? 'B' : 'A';
    return signature.substring(0, signature.length() - 2)
        + other
        + signature.charAt(signature.length() - 1);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String sign(Session session, TokenCodec.Type type, Instant expiresAt) {
    return Api.signedToken(type, session.username(), expiresAt);
  }
}
