package org.crater.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two replicas on one database ({@code <it db>_replicas}), as in production: an ended session ends
 * on both, login throttling counts failures of the client behind a trusted proxy, and what a user
 * types never forges a log line. Each replica is a Payara Micro of its own with the built war;
 * their logs are {@code target/replica-a.log} and {@code target/replica-b.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasIT {

  private static final String PASSWORD = "correct horse 9";
  private static final int ADDRESS_LIMIT = 20;
  private static final int USERNAME_LIMIT = 5;

  private SimCluster sim;
  private CraterProcess a;
  private CraterProcess b;

  @BeforeAll
  void start() throws IOException {
    sim =
        SimCluster.start(
            SimConfig.builder()
                .port(CraterProcess.freePort())
                .nodePool(NodePool.parse("1:A100:8", "64", "512Gi"))
                .namespace("crater-jobs")
                .build());
    Map<String, String> env =
        Map.of(
            "CRATER_DB_URL", System.getProperty("crater.it.replicas.db.url"),
            "CRATER_K8S_URL", sim.url(),
            "CRATER_HTTP_TRUSTED_PROXIES", "127.0.0.1",
            "CRATER_AUTH_LOGIN_ATTEMPTS", Integer.toString(USERNAME_LIMIT),
            "CRATER_AUTH_ADDRESS_ATTEMPTS", Integer.toString(ADDRESS_LIMIT),
            "CRATER_AUTH_BCRYPT_COST", "4");
    a = CraterProcess.start("replica-a", env);
    b = CraterProcess.start("replica-b", env);
  }

  @AfterAll
  void stop() throws InterruptedException {
    for (CraterProcess replica : new CraterProcess[] {a, b}) {
      if (replica != null) {
        replica.close();
      }
    }
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void aLogoutOnOneReplicaEndsTheSessionsAccessTokensOnBoth() {
    Reply login = login(a, signUp(a), "203.0.113.10");
    String access = login.body().path("accessToken").asText();
    assertThat(me(b, access)).isEqualTo(200);

    Reply logout =
        Api.at(a.base())
            .post(
                "api/v1/auth/logout",
                Map.of("refreshToken", login.body().path("refreshToken").asText()));
    long loggedOut = System.nanoTime();

    assertThat(logout.status()).isEqualTo(204);
    assertThat(me(a, access)).as("on the replica that logged out, at once").isEqualTo(401);
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> me(b, access) == 401);
    Duration took = Duration.ofNanos(System.nanoTime() - loggedOut);
    System.out.println("revocation reached the other replica after " + took.toMillis() + " ms");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(Api.at(b.base()).as(access).get("api/v1/auth/me").code()).isEqualTo("token-revoked");
  }

  @Test
  void aReusedRefreshTokenEndsTheAccessTokensOfItsWholeSession() throws InterruptedException {
    Reply login = login(a, signUp(a), "203.0.113.11");
    String stolen = login.body().path("refreshToken").asText();
    Reply refreshed = Api.at(b.base()).post("api/v1/auth/refresh", Map.of("refreshToken", stolen));
    String access = refreshed.body().path("accessToken").asText();
    assertThat(me(a, access)).isEqualTo(200);
    Thread.sleep(2_500); // past the refresh grace of the integration tests (2 s)

    Reply reused = Api.at(b.base()).post("api/v1/auth/refresh", Map.of("refreshToken", stolen));

    assertThat(reused.status()).isEqualTo(401);
    assertThat(me(b, access)).isEqualTo(401);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> me(a, access) == 401);
  }

  @Test
  void successfulLoginsFromOneClientBehindTheProxyNeverCount() {
    String username = signUp(a);

    for (int i = 0; i < 3 * ADDRESS_LIMIT; i++) {
      assertThat(login(i % 2 == 0 ? a : b, username, "198.51.100.20").status()).isEqualTo(200);
    }
  }

  @Test
  void failuresCountPerClientBehindTheProxyNotPerProxy() {
    for (int i = 0; i < ADDRESS_LIMIT; i++) {
      assertThat(failedLogin(a, Api.unique("nobody"), "198.51.100.30")).isEqualTo(401);
    }

    assertThat(failedLogin(a, Api.unique("nobody"), "198.51.100.30")).isEqualTo(429);
    assertThat(failedLogin(a, Api.unique("nobody"), "198.51.100.31")).isEqualTo(401);
  }

  @Test
  void theOwnerOfAUsernameOthersHoldAtItsLimitStillLogsInFromTheirAddress() {
    String victim = signUp(a);
    assertThat(login(a, victim, "198.51.100.40").status()).isEqualTo(200);
    for (int i = 0; i < USERNAME_LIMIT; i++) {
      assertThat(failedLogin(a, victim, "198.51.100.41")).isEqualTo(401);
    }

    assertThat(failedLogin(a, victim, "198.51.100.41")).isEqualTo(429);
    assertThat(login(a, victim, "198.51.100.40").status()).isEqualTo(200);
  }

  @Test
  void aUsernameNeverForgesALogLineNorPutsANulInTheLog() throws IOException {
    String forged = "2026-12-04T10:00:00Z INFO x - logged in";
    String username = "mallory\n" + forged + " user=root\u0000";

    assertThat(failedLogin(a, username, "198.51.100.50")).isEqualTo(401);

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> log("replica-a").contains("refused login user=\"mallory\\n"));
    String log = log("replica-a");
    assertThat(log.lines()).noneMatch(line -> line.startsWith(forged));
    assertThat(log).doesNotContain("\u0000").contains("user=root\\u0000\"");
  }

  private static String log(String name) throws IOException {
    Path target = Path.of(System.getProperty("crater.war")).getParent();
    return Files.readString(target.resolve(name + ".log"), StandardCharsets.ISO_8859_1);
  }

  private static String signUp(CraterProcess replica) {
    String username = Api.unique("replica");
    Reply signup =
        Api.at(replica.base())
            .post("api/v1/auth/signup", Map.of("username", username, "password", PASSWORD));
    assertThat(signup.status()).as(signup.raw()).isEqualTo(201);
    return username;
  }

  /** Logs in through the trusted proxy (127.0.0.1) on behalf of {@code client}. */
  private static Reply login(CraterProcess replica, String username, String client) {
    Reply login =
        Api.at(replica.base())
            .with("X-Forwarded-For", client)
            .post("api/v1/auth/login", Map.of("username", username, "password", PASSWORD));
    assertThat(login.status()).as(login.raw()).isIn(200, 429);
    return login;
  }

  private static int failedLogin(CraterProcess replica, String username, String client) {
    return Api.at(replica.base())
        .with("X-Forwarded-For", client)
        .post("api/v1/auth/login", Map.of("username", username, "password", "wrong " + PASSWORD))
        .status();
  }

  private static int me(CraterProcess replica, String access) {
    return Api.at(replica.base()).as(access).get("api/v1/auth/me").status();
  }
}
