package org.crater.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
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
 * The audit log over HTTP on the built war and MariaDB: state-changing requests of a user and an
 * administrator, refused ones and logins included, come back from {@code GET /api/v1/admin/audit}
 * with filters, without a password or token; non-administrators get 403; the database refuses to
 * update a row; the leader deletes rows older than the retention (purged every second here).
 */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

  private static final String PASSWORD = "correct horse audit";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  private Api admin() {
    return Api.at(base).asAdmin();
  }

  /** The rows the filter finds, once there are at least {@code least} (the writer batches). */
  private JsonNode audit(String query, int least) {
    Api admin = admin();
    Reply[] last = new Reply[1];
    Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () -> {
              last[0] = admin.get("api/v1/admin/audit?" + query);
              return last[0].status() == 200 && last[0].body().path("items").size() >= least;
            });
    return last[0].body();
  }

  private static Map<String, Object> job() {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "audited");
    job.put("kind", "BATCH");
    job.put("taskType", "TRAINING");
    job.put("slo", "BEST_EFFORT");
    job.put("image", "pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime");
    job.put("command", List.of("sh", "-c", "sleep 600"));
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi", "nvidia.com/gpu", "1"));
    job.put("gpuModel", "A100");
    return job;
  }

  @Test
  void recordsAUsersChangesLoginsAndRefusalsWithoutSecrets() {
    String username = Api.at(base).signUp("audited", PASSWORD);
    Reply wrong =
        Api.at(base)
            .post("api/v1/auth/login", Map.of("username", username, "password", "wrong password"));
    Reply login =
        Api.at(base).post("api/v1/auth/login", Map.of("username", username, "password", PASSWORD));
    String access = login.body().path("accessToken").asText();
    String refresh = login.body().path("refreshToken").asText();
    Api user = Api.at(base).as(access);
    Reply submitted = user.post("api/v1/jobs", job());
    long id = submitted.body().path("id").asLong();
    Reply cancelled = user.delete("api/v1/jobs/" + id);
    Reply refused =
        user.with("X-Forwarded-For", "203.0.113.9")
            .post("api/v1/admin/accounts", Map.of("name", Api.unique("nope")));

    JsonNode all = audit("user=" + username + "&size=500", 6);

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(submitted.status()).isEqualTo(201);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(all.path("total").asLong()).isEqualTo(6);
    assertThat(routes(all))
        .as("newest first")
        .containsExactly(
            "POST /api/v1/admin/accounts 403",
            "DELETE /api/v1/jobs/{id} 200",
            "POST /api/v1/jobs 201",
            "POST /api/v1/auth/login 200",
            "POST /api/v1/auth/login 401",
            "POST /api/v1/auth/signup 201");
    JsonNode create = all.path("items").get(2);
    assertThat(create.path("objectType").asText()).isEqualTo("jobs");
    assertThat(create.path("objectId").asText()).isEqualTo(Long.toString(id));
    assertThat(create.path("userId").isNumber()).isTrue();
    String peer = create.path("address").asText();
    assertThat(peer).isNotBlank();
    assertThat(all.path("items").findValuesAsText("address"))
        .as("X-Forwarded-For is believed only from trusted proxies, and none are set here")
        .containsOnly(peer);
    assertThat(all.path("items").get(4).has("userId"))
        .as("a failed login names the name tried, no user")
        .isFalse();
    assertThat(all.path("items").get(4).path("username").asText()).isEqualTo(username);
    assertThat(all.toString())
        .doesNotContain(PASSWORD)
        .doesNotContain("wrong password")
        .doesNotContain(access)
        .doesNotContain(refresh);
  }

  @Test
  void filtersByMethodObjectOutcomeAndTime() {
    Instant before = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    Api user = Api.at(base).signUpAndLogIn("filtered", PASSWORD);
    long id = user.post("api/v1/jobs", job()).body().path("id").asLong();
    Reply slo = user.put("api/v1/jobs/" + id + "/slo", Map.of("slo", "GUARANTEED"));
    Reply cancel = user.delete("api/v1/jobs/" + id);
    Reply anonymous = Api.at(base).delete("api/v1/jobs/" + id);

    JsonNode object = audit("objectType=jobs&objectId=" + id, 4);
    JsonNode deletes = audit("objectId=" + id + "&method=delete", 2);
    JsonNode unauthenticated = audit("objectId=" + id + "&status=401", 1);
    JsonNode clientErrors = audit("objectId=" + id + "&status=4xx", 1);
    JsonNode action = audit("objectId=" + id + "&action=/slo", 1);
    JsonNode since = audit("objectId=" + id + "&from=" + before, 4);
    Reply later =
        admin().get("api/v1/admin/audit?objectId=" + id + "&from=" + Instant.now().plusSeconds(60));
    Reply paged = admin().get("api/v1/admin/audit?objectId=" + id + "&size=1&page=1");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(routes(object))
        .containsExactly(
            "DELETE /api/v1/jobs/{id} 401",
            "DELETE /api/v1/jobs/{id} " + cancel.status(),
            "PUT /api/v1/jobs/{id}/slo " + slo.status(),
            "POST /api/v1/jobs 201");
    assertThat(deletes.path("total").asLong()).isEqualTo(2);
    assertThat(routes(unauthenticated)).containsExactly("DELETE /api/v1/jobs/{id} 401");
    assertThat(unauthenticated.path("items").get(0).has("username")).isFalse();
    assertThat(routes(clientErrors))
        .allMatch(line -> line.matches(".* 4[0-9][0-9]"))
        .contains("DELETE /api/v1/jobs/{id} 401");
    assertThat(routes(action)).containsExactly("PUT /api/v1/jobs/{id}/slo " + slo.status());
    assertThat(since.path("total").asLong()).isEqualTo(4);
    assertThat(later.body().path("total").asLong()).isZero();
    assertThat(paged.body().path("items")).hasSize(1);
    assertThat(paged.body().path("total").asLong()).isEqualTo(4);
  }

  @Test
  void recordsTheV010RoutesWithTheStatusTheySend() {
    String username = Api.at(base).signUp("legacy", PASSWORD);

    Reply wrong =
        Api.at(base).post("login", Map.of("userName", username, "passWord", "wrong password"));
    Reply right = Api.at(base).post("login", Map.of("userName", username, "passWord", PASSWORD));
    JsonNode logins = audit("user=" + username + "&action=/login&size=10", 2);

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(routes(logins))
        .containsExactly("POST /login " + right.status(), "POST /login " + wrong.status());
    assertThat(logins.toString()).doesNotContain(PASSWORD).doesNotContain("wrong password");
  }

  @Test
  void onlyAdministratorsReadItAndBadFiltersAre400() {
    Api user = Api.at(base).signUpAndLogIn("curious", PASSWORD);

    Reply forbidden = user.get("api/v1/admin/audit");
    Reply anonymous = Api.at(base).get("api/v1/admin/audit");
    List<Reply> bad =
        List.of(
            admin().get("api/v1/admin/audit?status=abc"),
            admin().get("api/v1/admin/audit?status=600"),
            admin().get("api/v1/admin/audit?method=GET"),
            admin().get("api/v1/admin/audit?from=yesterday"),
            admin().get("api/v1/admin/audit?to=2026-13-01T00:00:00Z"),
            admin().get("api/v1/admin/audit?size=0"),
            admin().get("api/v1/admin/audit?page=-1"));

    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
    for (Reply reply : bad) {
      assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
      assertThat(reply.raw()).doesNotContain("Exception").doesNotContain("at org.");
    }
  }

  @Test
  void theDatabaseRefusesToUpdateARow() throws SQLException {
    String username = Api.at(base).signUp("immutable", PASSWORD);
    audit("user=" + username, 1);

    try (Connection c = database();
        PreparedStatement update =
            c.prepareStatement("UPDATE crater_audit SET status = 200 WHERE username = ?")) {
      update.setString(1, username);
      assertThatThrownBy(update::executeUpdate).hasMessageContaining("append-only");
    }
    assertThat(audit("user=" + username, 1).path("items").get(0).path("status").asInt())
        .isEqualTo(201);
  }

  @Test
  void theLeaderDeletesRowsOlderThanTheRetention() throws SQLException {
    String old = Api.unique("ancient");
    String recent = Api.unique("recent");
    try (Connection c = database()) {
      insert(c, old, Instant.now().minus(Duration.ofDays(400)));
      insert(c, recent, Instant.now().minus(Duration.ofDays(1)));
    }

    Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () -> admin().get("api/v1/admin/audit?user=" + old).body().path("total").asLong() == 0);

    assertThat(admin().get("api/v1/admin/audit?user=" + recent).body().path("total").asLong())
        .isEqualTo(1);
  }

  private static void insert(Connection c, String username, Instant at) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO crater_audit (created_at, username, address, method, route, status)"
                + " VALUES (?, ?, '10.1.2.3', 'POST', '/api/v1/jobs', 201)")) {
      insert.setTimestamp(1, Timestamp.from(at));
      insert.setString(2, username);
      insert.executeUpdate();
    }
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(
        System.getenv("CRATER_DB_URL") + "?serverTimezone=UTC",
        System.getenv("CRATER_DB_USER"),
        System.getenv("CRATER_DB_PASSWORD"));
  }

  private static List<String> routes(JsonNode page) {
    return java.util.stream.StreamSupport.stream(page.path("items").spliterator(), false)
        .map(
            row ->
                row.path("method").asText()
                    + " "
                    + row.path("route").asText()
                    + " "
                    + row.path("status").asInt())
        .toList();
  }
}
