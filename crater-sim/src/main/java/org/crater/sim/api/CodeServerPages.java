package org.crater.sim.api;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Answers as code-server with {@code --auth password} would, on the path its proxy forwards (it
 * serves at {@code /}): {@code GET /login} shows the login page; {@code POST /login} with the form
 * field {@code password} equal to the pod's {@code PASSWORD} redirects to {@code ./} with a session
 * cookie, with any other password shows the login page again saying so; every other path answers
 * 200 with a page naming the pod to a request carrying the session cookie and redirects to {@code
 * login} (relative to its root) otherwise.
 */
final class CodeServerPages {

  static final String COOKIE = "code-server-session";

  private CodeServerPages() {}

  static void answer(HttpExchange ex, JsonObject pod, Map<String, String> env, String path)
      throws IOException {
    String session = session(env.get("PASSWORD"));
    if (path.equals("/login")) {
      login(ex, session);
    } else if (!session.equals(cookie(ex))) {
      redirect(ex, toRoot(path) + "login", null);
    } else {
      IngressFront.sendHtml(
          ex,
          200,
          "code-server - " + Json.name(pod),
          "VS Code "
              + Json.name(pod)
              + " in namespace "
              + Json.namespace(pod)
              + " at "
              + path
              + " (simulated by crater-sim).");
    }
  }

  /** The relative way from the path back to code-server's root, as its own links go. */
  private static String toRoot(String path) {
    int depth = (int) path.chars().filter(c -> c == '/').count() - 1;
    return depth <= 0 ? "./" : "../".repeat(depth);
  }

  private static void login(HttpExchange ex, String session) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      IngressFront.sendHtml(ex, 200, "code-server login", "Please log in below.");
      return;
    }
    String given = formField(HttpIo.body(ex), "password");
    if (!session.equals(session(given))) {
      IngressFront.sendHtml(ex, 200, "code-server login", "Incorrect password");
      return;
    }
    redirect(ex, "./", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
  }

  private static void redirect(HttpExchange ex, String location, String cookie) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    if (cookie != null) {
      ex.getResponseHeaders().set("Set-Cookie", cookie);
    }
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  /** The session cookie's value: a digest of the password, never the password itself. */
  private static String session(String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(String.valueOf(password).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cookie(HttpExchange ex) {
    for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String part : header.split(";")) {
        String p = part.trim();
        if (p.startsWith(COOKIE + "=")) {
          return p.substring(COOKIE.length() + 1);
        }
      }
    }
    return null;
  }

  private static String formField(String body, String name) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
