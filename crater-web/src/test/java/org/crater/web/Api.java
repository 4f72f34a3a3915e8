package org.crater.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.crater.ejb.auth.TokenCodec;

/** A small JSON-over-HTTP client for the black-box integration tests. */
public final class Api {

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param body the parsed JSON body (missing node when empty or not JSON)
   * @param raw the body as text
   * @param response the full response, for headers
   */
  public record Reply(int status, JsonNode body, String raw, HttpResponse<String> response) {

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String code() {
      return body.path("code").asText();
    }
  }

  private final URI base;
  private final String token;
  private final Map<String, String> headers;
  private final Duration timeout;

  private Api(URI base, String token, Map<String, String> headers, Duration timeout) {
    this.base = base;
    this.token = token;
    this.headers = headers;
    this.timeout = timeout;
  }

  public static Api at(URL base) {
    return new Api(URI.create(base.toString()), null, Map.of(), null);
  }

  /** The same caller (token and headers) at another base URL, e.g. another replica. */
  public Api on(URL other) {
    return new Api(URI.create(other.toString()), token, headers, timeout);
  }

  /** The same API, sending this bearer token. */
  public Api as(String accessToken) {
    return new Api(base, accessToken, headers, timeout);
  }

  /** The same API, sending one more header. */
  public Api with(String name, String value) {
    var more = new java.util.HashMap<>(headers);
    more.put(name, value);
    return new Api(base, token, Map.copyOf(more), timeout);
  }

  /**
   * The same API, giving up on a request that has no answer after {@code limit}: {@link #send} then
   * throws an {@link IllegalStateException} caused by {@link java.net.http.HttpTimeoutException}.
   */
  public Api within(Duration limit) {
    return new Api(base, token, headers, limit);
  }

  /**
   * A token signed with the integration tests' secret two hours ago, for a user id that does not
   * exist: with a past expiry it is an expired token.
   */
  public static String signedToken(TokenCodec.Type type, String username, Instant expiresAt) {
    byte[] secret = System.getProperty("crater.it.jwt.secret").getBytes(StandardCharsets.UTF_8);
    Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
    return new TokenCodec(secret, twoHoursAgo)
        .sign(new TokenCodec.Claims(type, 0, username, "x", null, expiresAt));
  }

  /** Sends {@code n} copies of a request at the same moment, each on its own thread. */
  public static List<Reply> inParallel(int n, Supplier<Reply> request) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        replies.add(
            threads.submit(
                () -> {
                  start.await();
                  return request.get();
                }));
      }
      start.countDown();
      List<Reply> answered = new ArrayList<>();
      for (Future<Reply> reply : replies) {
        answered.add(reply.get(60, TimeUnit.SECONDS));
      }
      return answered;
    } finally {
      threads.shutdownNow();
    }
  }

  /** A fresh, unique DNS-1123 name with the given prefix. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Signs a new user up (with a unique name from {@code prefix}) and returns the API as that user.
   */
  public Api signUpAndLogIn(String prefix, String password) {
    return logIn(signUp(prefix, password), password);
  }

  /** Signs a new user up (with a unique name from {@code prefix}) and returns the username. */
  public String signUp(String prefix, String password) {
    String username = unique(prefix);
    Reply signup = post("api/v1/auth/signup", Map.of("username", username, "password", password));
    if (signup.status() != 201) {
      throw new IllegalStateException("sign-up failed: " + signup.raw());
    }
    return username;
  }

  /** Logs in and returns the API as that user. */
  public Api logIn(String username, String password) {
    Reply login = post("api/v1/auth/login", Map.of("username", username, "password", password));
    if (login.status() != 200) {
      throw new IllegalStateException("login failed: " + login.raw());
    }
    return as(login.body().path("accessToken").asText());
  }

  /** The API as the first administrator of the integration tests. */
  public Api asAdmin() {
    return logIn("admin", System.getProperty("crater.it.admin.password"));
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  public Reply post(String path, Object body) {
    return send("POST", path, body);
  }

  public Reply put(String path, Object body) {
    return send("PUT", path, body);
  }

  /** POSTs a JSON text without declaring its length (chunked), as a streaming client does. */
  public Reply postStreamed(String path, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        request(path)
            .version(HttpClient.Version.HTTP_1_1)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), parse(response.body()), response.body(), response);
  }

  /**
   * Opens a GET whose body is read as it arrives (HTTP/1.1, so closing the body closes the
   * connection); the caller closes the body.
   */
  public HttpResponse<InputStream> stream(String path) {
    return exchange(
        request(path).version(HttpClient.Version.HTTP_1_1).GET(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  /** Sends a request; a String body is sent as it is, anything else as JSON. */
  public Reply send(String method, String path, Object body) {
    HttpRequest.Builder request = request(path);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json(body)));
    }
    HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), parse(response.body()), response.body(), response);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (timeout != null) {
      request.timeout(timeout);
    }
    headers.forEach(request::header);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private static <T> HttpResponse<T> exchange(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    HttpRequest built = request.build();
    try {
      return HTTP.send(built, body);
    } catch (IOException e) {
      throw new IllegalStateException(built.method() + " " + built.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
