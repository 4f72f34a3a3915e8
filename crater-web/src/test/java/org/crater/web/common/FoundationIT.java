package org.crater.web.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ejb.EJB;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.crater.ejb.account.AccountExistsException;
import org.crater.ejb.account.AccountService;
import org.crater.model.account.Account;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation, proven on the war the build produced, running on Payara Micro against MariaDB:
 * EJBs in resources, JPA through an EJB, a CDI event across modules, a non-persistent timer,
 * health, OpenAPI, metrics and the single error envelope.
 */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @ArquillianResource private URL base;

  @EJB private AccountService accounts;

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("crater.war", "target/crater.war")))
        .addClasses(ProbeResource.class, ProbeResource.ProbeRequest.class)
        .addAsLibraries(
            jarOf(Assertions.class), jarOf(Awaitility.class), jarOf(org.hamcrest.Matcher.class));
  }

  @Test
  void anEjbPersistsAnEntityThroughJpa() {
    String name = "it-" + UUID.randomUUID().toString().substring(0, 8);

    Account created = accounts.create(name, "Integration");
    Account read = accounts.get(name);

    assertThat(read.getId()).isEqualTo(created.getId()).isNotNull();
    assertThat(read.getDisplayName()).isEqualTo("Integration");
    assertThat(accounts.list()).extracting(Account::getName).contains(name, "default");
    assertThatThrownBy(() -> accounts.create(name, "Again"))
        .isInstanceOf(AccountExistsException.class);
  }

  @Test
  @RunAsClient
  void aResourceAnswersThroughAnEjb() throws Exception {
    HttpResponse<String> response = get(app("api/v1/version"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("schemaVersion").asText()).isNotBlank().isNotEqualTo("null");
    assertThat(body.path("version").asText()).isNotBlank().isNotEqualTo("unknown");
  }

  @Test
  @RunAsClient
  void readinessFollowsTheMigrationEventAndTheDatabase() throws Exception {
    HttpResponse<String> ready = get(server("/health/ready"));
    HttpResponse<String> live = get(server("/health/live"));

    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode database = null;
    for (JsonNode check : JSON.readTree(ready.body()).path("checks")) {
      if (check.path("name").asText().equals("database")) {
        database = check;
      }
    }
    assertThat(database).isNotNull();
    assertThat(database.path("status").asText()).isEqualTo("UP");
    assertThat(database.path("data").path("schemaVersion").asText())
        .isNotBlank()
        .isNotEqualTo("pending");
    assertThat(live.statusCode()).isEqualTo(200);
  }

  @Test
  @RunAsClient
  void theTimerFiresAndMetricsArePrometheusText() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              HttpResponse<String> metrics = get(server("/metrics"));
              assertThat(metrics.statusCode()).isEqualTo(200);
              assertThat(metrics.body())
                  .contains("# TYPE crater_accounts gauge")
                  .containsPattern("crater_jobs\\{[^}]*phase=\"Queueing\"[^}]*} [0-9]")
                  .containsPattern(
                      "crater_timer_runs_total\\{[^}]*timer=\"statistics\"[^}]*} [1-9]");
            });
  }

  @Test
  @RunAsClient
  void openApiDocumentAndUiAreServed() throws Exception {
    HttpResponse<String> document = get(server("/openapi"));
    HttpResponse<String> ui = get(app("openapi-ui"));
    HttpResponse<String> index = get(app("openapi-ui/index.html"));
    HttpResponse<String> init = get(app("openapi-ui/swagger-initializer.js"));
    HttpResponse<String> traversal = get(app("openapi-ui/..%2Fglassfish-web.xml"));

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("/api/v1/version").contains("Problem");
    assertThat(ui.statusCode()).isEqualTo(303);
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("swagger-ui");
    assertThat(init.body()).contains("'/openapi'");
    assertThat(traversal.statusCode()).isEqualTo(404);
  }

  @Test
  @RunAsClient
  void anUnknownRouteIsAProblem() throws Exception {
    HttpResponse<String> response = get(app("api/v1/no-such-thing"));

    assertProblem(response, 404, "not-found");
    assertThat(JSON.readTree(response.body()).path("instance").asText())
        .endsWith("/api/v1/no-such-thing");
  }

  @Test
  @RunAsClient
  void aWrongMethodIsAProblemWithAllow() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(app("api/v1/version")).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());

    assertProblem(response, 405, "method-not-allowed");
    assertThat(response.headers().firstValue("Allow")).isPresent();
  }

  @Test
  @RunAsClient
  void malformedJsonIsAProblem() throws Exception {
    assertProblem(post("{\"name\": ", "application/json"), 400, "malformed-json");
    assertProblem(post("", "application/json"), 400, "malformed-json");
    assertProblem(
        post("{\"name\":\"a\",\"count\":2}", "text/plain"), 415, "unsupported-media-type");
  }

  @Test
  @RunAsClient
  void unknownFieldsAndWrongTypesNameTheField() throws Exception {
    HttpResponse<String> unknown =
        post("{\"name\":\"a\",\"count\":2,\"extra\":1}", "application/json");
    HttpResponse<String> wrongType =
        post("{\"name\":\"a\",\"count\":\"many\"}", "application/json");

    assertProblem(unknown, 400, "malformed-json");
    assertThat(JSON.readTree(unknown.body()).path("errors").get(0).path("field").asText())
        .isEqualTo("extra");
    assertProblem(wrongType, 400, "malformed-json");
    assertThat(JSON.readTree(wrongType.body()).path("errors").get(0).path("field").asText())
        .isEqualTo("count");
  }

  @Test
  @RunAsClient
  void invalidFieldsAreListed() throws Exception {
    HttpResponse<String> response = post("{\"name\":\" \",\"count\":99}", "application/json");

    assertProblem(response, 400, "validation-failed");
    assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("field"))
        .containsExactly("count", "name");
  }

  @Test
  @RunAsClient
  void aValidBodyPassesThrough() throws Exception {
    HttpResponse<String> response = post("{\"name\":\"a\",\"count\":2}", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("count").asInt()).isEqualTo(2);
  }

  @Test
  @RunAsClient
  void domainErrorsKeepTheirStatusAndCode() throws Exception {
    assertProblem(get(app("test/probe/domain")), 404, "account-not-found");
  }

  @Test
  @RunAsClient
  void unexpectedErrorsRevealNothingButAnIncident() throws Exception {
    HttpResponse<String> response = get(app("test/probe/boom"));

    assertProblem(response, 500, "internal-error");
    assertThat(response.body()).doesNotContain("secret-detail-xyz", "IllegalState");
    assertThat(JSON.readTree(response.body()).path("incident").asText()).isNotBlank();
  }

  private void assertProblem(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    assertThat(problem.path("type").asText()).isEqualTo("urn:crater:problem:" + code);
    assertThat(response.body())
        .as("written by Crater's own JSON provider: no nulls, no stack trace")
        .doesNotContain("\tat ", "Exception:", "org.crater.", ":null");
  }

  private URI app(String path) {
    return URI.create(base.toString()).resolve(path);
  }

  private URI server(String path) {
    return URI.create(base.toString()).resolve(path);
  }

  private HttpResponse<String> post(String body, String type) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(app("test/probe"))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
