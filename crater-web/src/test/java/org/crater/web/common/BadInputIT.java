package org.crater.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterWar;
import org.crater.web.common.BadInputs.Probe;
import org.crater.web.common.OpenApiRoutes.Route;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every native route the served OpenAPI document lists gets bad input — odd path and query
 * parameters, broken or wrongly typed JSON, huge values, deep nesting, unknown fields, injection
 * strings, no body, the wrong content type — as a user and as an administrator. No answer may be a
 * 5xx or take more than 30 s, every error must be a problem document with a code, and no body may
 * show Java internals, a stack trace or SQL. Routes added later are swept without a change here.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct horse 3";
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final HttpClient HTTP = client();
  private static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|\\bat (org|java|jakarta|com|sun)\\.|\\bjava\\.|\\bjakarta\\.|eclipse|"
              + "\\bSQL|SELECT .* FROM|INSERT INTO|syntax to use near|Caused by|\\.java:\\d+",
          Pattern.CASE_INSENSITIVE);

  @ArquillianResource private URL base;

  private final Map<String, String> existing = new HashMap<>();
  private String adminToken;
  private String userToken;

  /**
   * A raw answer.
   *
   * @param status the HTTP status
   * @param type the Content-Type header
   * @param body the body as text
   */
  private record Answer(int status, String type, String body) {}

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  /** A user, a victim user, an account, a dataset and a job of this test's own. */
  @BeforeEach
  void fixtures() {
    Api anonymous = Api.at(base);
    adminToken = token(anonymous, "admin", System.getProperty("crater.it.admin.password"));
    String username = Api.unique("sweep");
    created(anonymous.post("api/v1/auth/signup", credentials(username)));
    userToken = token(anonymous, username, PASSWORD);
    String victim = Api.unique("victim");
    created(anonymous.post("api/v1/auth/signup", credentials(victim)));
    Api admin = anonymous.as(adminToken);
    Api user = anonymous.as(userToken);
    String account = Api.unique("sweep");
    created(admin.post("api/v1/admin/accounts", Map.of("name", account, "displayName", "Sweep")));
    String dataset = Api.unique("sweep");
    created(admin.post("api/v1/admin/datasets", dataset(dataset)));
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> user.get("api/v1/nodes").status() == 200);
    existing.put("id", created(user.post("api/v1/jobs", job())).body().path("id").asText());
    existing.put("username", victim);
    existing.put("account", account);
    existing.put("dataset", dataset);
    existing.put("node", user.get("api/v1/nodes").body().path(0).path("name").asText());
  }

  @Test
  void noRouteAnswersBadInputFromAUserWithA5xxOrInternals() {
    assertThat(sweep(userToken)).isEmpty();
  }

  @Test
  void noRouteAnswersBadInputFromAnAdministratorWithA5xxOrInternals() {
    assertThat(sweep(adminToken)).isEmpty();
  }

  @Test
  void aQueryParameterOfTheWrongTypeIsABadRequestNotAMissingResource() {
    Reply reply = Api.at(base).as(userToken).get("api/v1/jobs?size=lots");

    assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid-query");
    assertThat(reply.body().path("errors").findValuesAsText("field")).containsExactly("size");
  }

  @Test
  void aBodyOverTheBoundIs413WhetherItsLengthIsDeclaredOrNot() {
    String oversized = "{\"username\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}";
    Api user = Api.at(base).as(userToken);

    for (Reply reply :
        List.of(
            Api.at(base).post("api/v1/auth/login", oversized),
            Api.at(base).postStreamed("api/v1/auth/login", oversized),
            user.post("api/v1/jobs", oversized),
            user.postStreamed("api/v1/jobs", oversized))) {
      assertThat(reply.status()).as(reply.raw()).isEqualTo(413);
      assertThat(reply.code()).isEqualTo("body-too-large");
    }
  }

  @Test
  void aFieldNamedTwiceIsMalformed() {
    Reply reply =
        Api.at(base).post("api/v1/auth/login", "{\"username\": \"a\", \"username\": \"b\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("detail").asText()).contains("names a field twice");
  }

  @Test
  void aNullAnEmptyArrayOrAnEmptyStringAsTheBodyIsAClientErrorOnEveryRoute() {
    List<String> problems = new ArrayList<>();
    for (Route route : OpenApiRoutes.of(openApi(), "/")) {
      // The recommendation routes answer 501 to anything: Crater does not offer them (README).
      if (!List.of("POST", "PUT").contains(route.method())
          || route.path().startsWith("/v1/recommenddljob/")) {
        continue;
      }
      String path = route.path().substring(1).replaceAll("\\{[^}]+}", "x1");
      for (String token : List.of(userToken, adminToken)) {
        for (String body : List.of("null", "[]", "\"\"")) {
          Reply reply = Api.at(base).as(token).send(route.method(), path, body);
          boolean native_ = route.path().startsWith("/api/");
          boolean shaped =
              native_
                  ? !reply.code().isEmpty()
                      && reply.header("Content-Type").startsWith(ProblemResponses.PROBLEM_JSON)
                  : reply.body().path("errorCode").isInt();
          if (reply.status() < 400 || reply.status() >= 500 || !shaped) {
            problems.add(route.method() + " " + path + " " + body + ": " + reply.raw());
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void unprocessableAndTooManyRequestsCarryTheirReasonPhrasesAndTitles() throws IOException {
    Map<String, Object> huge = job();
    huge.put("slo", "GUARANTEED");
    huge.put("resources", Map.of("cpu", "1", "memory", "1Gi", "nvidia.com/gpu", "4"));
    String loginBody =
        JSON.writeValueAsString(Map.of("username", Api.unique("x"), "password", "no"));
    for (int i = 0; i < 5; i++) {
      Api.at(base).post("api/v1/auth/login", loginBody);
    }

    HttpURLConnection quota = post("api/v1/jobs", JSON.writeValueAsString(huge), userToken);
    HttpURLConnection throttled = post("api/v1/auth/login", loginBody, null);

    assertThat(quota.getResponseCode()).isEqualTo(422);
    assertThat(quota.getResponseMessage()).isEqualTo("Unprocessable Content");
    assertThat(JSON.readTree(quota.getErrorStream()).path("title").asText())
        .isEqualTo("Unprocessable Content");
    assertThat(throttled.getResponseCode()).isEqualTo(429);
    assertThat(throttled.getResponseMessage()).isEqualTo("Too Many Requests");
    assertThat(JSON.readTree(throttled.getErrorStream()).path("title").asText())
        .isEqualTo("Too Many Requests");
  }

  @Test
  void aRejectedQueryParameterIsNamedAsTheRequestNamesIt() {
    Reply reply = Api.at(base).as(adminToken).get("api/v1/admin/users?page=-1&size=0");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("errors").findValuesAsText("field"))
        .containsExactly("page", "size");
  }

  @Test
  void theOpenApiSchemasAreValidAndAllowTheirProperties() {
    JsonNode document = openApi();
    List<String> wrong = new ArrayList<>();
    collectWrongSchemas("", document, wrong);
    document
        .path("paths")
        .fieldNames()
        .forEachRemaining(
            path -> {
              if (path.matches(".*\\{[^}]*[:|][^}]*}.*")) {
                wrong.add("path template with a regular expression: " + path);
              }
            });

    assertThat(wrong).isEmpty();
    assertThat(document.path("components").path("schemas").path("Problem").path("properties"))
        .isNotEmpty();
  }

  /**
   * Payara's servlet container cannot decode these request lines (it answered the first 200 with no
   * body, the others 400 or 405 with none): Crater answers them with a problem document, and
   * nothing behind them runs.
   */
  @Test
  void requestLinesTheContainerCannotDecodeGetAProblemDocument() throws IOException {
    Api user = Api.at(base).as(userToken);
    long before = user.get("api/v1/jobs").body().path("total").asLong();

    String post = raw("POST", "api/v1/jobs%zz", JSON.writeValueAsString(job()));
    String delete = raw("DELETE", "api/v1/jobs%zz/" + existing.get("id"), null);

    assertThat(post).startsWith("HTTP/1.1 400 ").contains("\"code\":\"malformed-path\"");
    assertThat(delete).startsWith("HTTP/1.1 400 ").contains("application/problem+json");
    assertThat(raw("GET", "api/v1/jobs/%00", null)).contains("\"code\":\"malformed-path\"");
    assertThat(raw("GET", "api/v1/jobs/%5C1", null)).contains("\"code\":\"malformed-path\"");
    assertThat(raw("GET", "api/v1/users/%C3%28", null)).contains("not valid UTF-8");
    assertThat(raw("GET", "api/v1/jobs?page=%zz", null)).contains("malformed-query");
    assertThat(raw("TRACE", "api/v1/jobs", null))
        .startsWith("HTTP/1.1 405 ")
        .contains("\"code\":\"method-not-allowed\"");
    assertThat(user.get("api/v1/jobs").body().path("total").asLong()).isEqualTo(before);
    assertThat(user.get("api/v1/jobs/" + existing.get("id")).body().path("phase").asText())
        .isNotEqualTo("CANCELLED");
  }

  @Test
  void aHeaderBlockOverTheBoundIs431WithAProblemDocument() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base.toString()).resolve("api/v1/jobs"))
            .timeout(LIMIT)
            .header("Authorization", "Bearer " + "a".repeat(20_000))
            .build();

    HttpResponse<String> answer = client().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(431);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(answer.body()).contains("\"code\":\"headers-too-large\"");
  }

  /** One request written as it is (no client would send this path), the whole answer. */
  private String raw(String method, String path, String body) throws IOException {
    URI uri = URI.create(base.toString());
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout((int) LIMIT.toMillis());
      byte[] content =
          body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String head =
          method
              + " "
              + uri.getRawPath()
              + path
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + "\r\nAuthorization: Bearer "
              + userToken
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + content.length
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(content);
      socket.getOutputStream().flush();
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return answer.isEmpty() ? "(no answer)" : answer;
    }
  }

  private static void collectWrongSchemas(String at, JsonNode node, List<String> wrong) {
    if (node.isObject()) {
      if (node.has("properties") && node.path("maxProperties").asInt(-1) == 0) {
        wrong.add(at + ": maxProperties 0 with properties");
      }
      if (node.has("exclusiveMaximum") && !node.has("maximum")) {
        wrong.add(at + ": exclusiveMaximum without maximum");
      }
      if (node.has("exclusiveMinimum") && !node.has("minimum")) {
        wrong.add(at + ": exclusiveMinimum without minimum");
      }
      node.fields()
          .forEachRemaining(f -> collectWrongSchemas(at + "/" + f.getKey(), f.getValue(), wrong));
    } else if (node.isArray()) {
      node.forEach(item -> collectWrongSchemas(at + "[]", item, wrong));
    }
  }

  private HttpURLConnection post(String path, String body, String token) throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) URI.create(base.toString()).resolve(path).toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/json");
    if (token != null) {
      connection.setRequestProperty("Authorization", "Bearer " + token);
    }
    connection.getOutputStream().write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return connection;
  }

  private JsonNode openApi() {
    Api api = Api.at(base).with("Accept", "application/json");
    Awaitility.await("the OpenAPI document")
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get("/openapi").body().path("paths").has("/api/v1/jobs"));
    return api.get("/openapi").body();
  }

  /** Sends every bad request of every route; returns what went wrong. */
  private List<String> sweep(String token) {
    List<Route> routes = routes();
    assertThat(routes).as("native routes in /openapi").hasSizeGreaterThan(30);
    List<String> problems = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    int sent = 0;
    for (Route route : routes) {
      for (Probe probe : BadInputs.of(withValidBody(route), existingFor(route))) {
        sent++;
        String problem = check(probe, token, statuses);
        if (problem != null && problems.size() < 60) {
          problems.add(problem);
        }
      }
    }
    System.out.printf(
        "bad-input sweep: %d routes, %d requests, statuses %s%n", routes.size(), sent, statuses);
    return problems;
  }

  /** Sends one bad request; returns what is wrong with its answer, or null. */
  private String check(Probe probe, String token, Map<Integer, Integer> statuses) {
    Answer answer;
    try {
      answer = send(probe, token);
    } catch (IOException e) {
      return probe + ": no answer within " + LIMIT.toSeconds() + " s (" + e + ")";
    }
    statuses.merge(answer.status(), 1, Integer::sum);
    if (answer.status() >= 500) {
      return probe + ": " + answer.status() + " " + BadInputs.abbreviate(answer.body());
    }
    if (probe.refusable() && answer.status() == 400 && answer.body().isEmpty()) {
      return null; // refused by the HTTP server itself, before Crater saw it
    }
    if (answer.status() >= 400 && !isProblem(answer)) {
      return probe
          + ": "
          + answer.status()
          + " is not a problem document: "
          + answer.type()
          + " "
          + BadInputs.abbreviate(answer.body());
    }
    String shown = withoutEcho(answer.body(), probe.body());
    if (INTERNALS.matcher(shown).find()) {
      return probe + ": internals in the body: " + BadInputs.abbreviate(shown);
    }
    return null;
  }

  private Answer send(Probe probe, String token) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base.toString()).resolve(probe.path()))
            .timeout(LIMIT)
            .header("Authorization", "Bearer " + token)
            .method(
                probe.method(),
                probe.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(probe.body()));
    if (probe.contentType() != null) {
      request.header("Content-Type", probe.contentType());
    }
    try {
      // The server closes the connection after refusing a request itself: use a fresh one.
      HttpClient http = probe.refusable() ? client() : HTTP;
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /**
   * HTTP/1.1: over h2c, Payara answers 431 to every later request on a connection once it has
   * refused one oversized header block, which would hide the answers under test.
   */
  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private static boolean isProblem(Answer answer) {
    if (!answer.type().startsWith(ProblemResponses.PROBLEM_JSON)) {
      return false;
    }
    try {
      return !JSON.readTree(answer.body()).path("code").asText().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** The body without the values the request sent (answers may rightly echo them). */
  private static String withoutEcho(String body, String sent) {
    if (sent == null || body.isEmpty()) {
      return body;
    }
    String shown = body;
    try {
      List<String> values = new ArrayList<>();
      collectStrings(JSON.readTree(sent), values);
      for (String value : values) {
        if (!value.isEmpty()) {
          shown = shown.replace(value, "").replace(JSON.writeValueAsString(value), "");
        }
      }
    } catch (IOException e) {
      // the request body was not JSON: nothing of it can be echoed as a field
    }
    return shown;
  }

  private static void collectStrings(JsonNode node, List<String> into) {
    if (node.isTextual()) {
      into.add(node.asText());
    }
    node.forEach(child -> collectStrings(child, into));
  }

  /** The native routes of the served document, once it has been built. */
  private List<Route> routes() {
    Api api = Api.at(base).with("Accept", "application/json");
    Awaitility.await("the OpenAPI document")
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get("/openapi").body().path("paths").has("/api/v1/jobs"));
    return OpenApiRoutes.of(api.get("/openapi").body(), "/api/v1/");
  }

  /** The real value of each path parameter of {@code route}, from this test's fixtures. */
  private Map<String, String> existingFor(Route route) {
    Map<String, String> values = new HashMap<>(existing);
    String path = route.path();
    values.put(
        "name",
        path.contains("/nodes/")
            ? existing.get("node")
            : path.contains("/datasets/") ? existing.get("dataset") : existing.get("account"));
    return values;
  }

  /** The route with a body that would be accepted, where the schema alone cannot give one. */
  private Route withValidBody(Route route) {
    Map<String, Object> valid =
        switch (route.method() + " " + route.path()) {
          case "POST /api/v1/jobs" -> job();
          case "POST /api/v1/admin/accounts" ->
              Map.of("name", Api.unique("sweep"), "displayName", "Sweep");
          case "POST /api/v1/admin/datasets" -> dataset(Api.unique("sweep"));
          case "POST /api/v1/auth/signup", "POST /api/v1/auth/login" ->
              credentials(Api.unique("sweep"));
          case "PUT /api/v1/admin/accounts/{name}/members/{username}" -> Map.of("role", "MEMBER");
          case "PUT /api/v1/admin/users/{username}/role" -> Map.of("role", "USER");
          case "PUT /api/v1/admin/users/{username}/status" -> Map.of("status", "ACTIVE");
          case "PUT /api/v1/jobs/{id}/slo" -> Map.of("slo", "BEST_EFFORT");
          default -> null;
        };
    if (valid == null || route.body() == null) {
      return route;
    }
    return new Route(
        route.method(),
        route.path(),
        route.pathParams(),
        route.queryParams(),
        (ObjectNode) JSON.valueToTree(valid),
        route.bodyTypes());
  }

  private static String token(Api api, String username, String password) {
    Reply login = api.post("api/v1/auth/login", Map.of("username", username, "password", password));
    assertThat(login.status()).as(login.raw()).isEqualTo(200);
    return login.body().path("accessToken").asText();
  }

  private static Map<String, Object> credentials(String username) {
    return Map.of("username", username, "password", PASSWORD);
  }

  private static Reply created(Reply reply) {
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    return reply;
  }

  private static Map<String, Object> job() {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "sweep");
    job.put("kind", "BATCH");
    job.put("taskType", "EXPERIMENT");
    job.put("slo", "BEST_EFFORT");
    job.put("image", "busybox:1.36");
    job.put("command", List.of("sh", "-c", "sleep 1"));
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi"));
    return job;
  }

  private static Map<String, Object> dataset(String name) {
    Map<String, Object> dataset = new HashMap<>();
    dataset.put("name", name);
    dataset.put("description", "Swept");
    dataset.put("kind", "DATASET");
    dataset.put("pvc", "shared-data");
    dataset.put("subPath", "datasets/" + name);
    dataset.put("visibility", "EVERYONE");
    return dataset;
  }
}
