package org.crater.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client for Crater's native API on 127.0.0.1, optionally as one user. */
public final class Http {

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String token;

  /**
   * An answer.
   *
   * @param status HTTP status, 0 when the request failed without one
   * @param body parsed JSON, or a missing node
   * @param text the raw body
   */
  public record Reply(int status, JsonNode body, String text) {}

  public Http(String base, String token) {
    this.base = base;
    this.token = token;
  }

  public Http as(String accessToken) {
    return new Http(base, accessToken);
  }

  /** Signs a user up and returns the API as that user. */
  public Http signUp(String username, String password) {
    Reply signup =
        postRetrying("api/v1/auth/signup", Map.of("username", username, "password", password));
    if (signup.status() != 201) {
      throw new IllegalStateException("sign-up of " + username + " failed: " + signup.text());
    }
    return logIn(username, password);
  }

  public Http logIn(String username, String password) {
    Reply login =
        postRetrying("api/v1/auth/login", Map.of("username", username, "password", password));
    if (login.status() != 200) {
      throw new IllegalStateException("login of " + username + " failed: " + login.text());
    }
    return as(login.body().path("accessToken").asText());
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply post(String path, Object body) {
    return send("POST", path, body);
  }

  /** Posts, retrying (up to 30 s) while the server answers 503 as a client should. */
  public Reply postRetrying(String path, Object body) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Reply reply = post(path, body);
    while ((reply.status() == 503 || reply.status() == 0) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      reply = post(path, body);
    }
    return reply;
  }

  public Reply send(String method, String path, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), parse(response.body()), response.body());
    } catch (IOException e) {
      return new Reply(0, JSON.missingNode(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The raw text of a URL (e.g. /metrics), or null when it does not answer 200. */
  public static String text(String url) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
