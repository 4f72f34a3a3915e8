package org.crater.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** JSON over HTTP to Crater's native API, with a bound on every request. */
final class HttpJson {

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param body the parsed body (missing when empty or not JSON)
   * @param retryAfter the Retry-After header, or null
   * @param millis how long the request took
   */
  record Reply(int status, JsonNode body, String retryAfter, long millis) {

    String code() {
      return body.path("code").asText();
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final Duration timeout;

  HttpJson(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
  }

  /**
   * Sends one request; throws {@link java.net.http.HttpTimeoutException} when no answer came within
   * the bound.
   */
  Reply send(String method, String path, String token, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    long start = System.nanoTime();
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Reply(
        response.statusCode(),
        parse(response.body()),
        response.headers().firstValue("Retry-After").orElse(null),
        millis);
  }

  /** Signs {@code username} up and returns an access token. */
  String signUpAndLogIn(String username, String password) throws IOException, InterruptedException {
    Map<String, String> credentials = Map.of("username", username, "password", password);
    Reply signup = send("POST", "api/v1/auth/signup", null, credentials);
    if (signup.status() != 201) {
      throw new IOException("sign-up failed: " + signup.status() + " " + signup.body());
    }
    Reply login = send("POST", "api/v1/auth/login", null, credentials);
    if (login.status() != 200) {
      throw new IOException("login failed: " + login.status() + " " + login.body());
    }
    return login.body().path("accessToken").asText();
  }

  private static JsonNode parse(String text) {
    try {
      return text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
