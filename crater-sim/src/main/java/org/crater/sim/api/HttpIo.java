package org.crater.sim.api;

import com.google.gson.JsonElement;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reading requests and writing JSON, text and streamed responses. */
final class HttpIo {
  private HttpIo() {}

  static Map<String, String> query(HttpExchange ex) {
    Map<String, String> params = new HashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(key), decode(value));
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  static String body(HttpExchange ex) throws IOException {
    return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  static void sendJson(HttpExchange ex, int code, JsonElement body) throws IOException {
    send(ex, code, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  static void sendText(HttpExchange ex, int code, String text) throws IOException {
    send(ex, code, "text/plain", text.getBytes(StandardCharsets.UTF_8));
  }

  static void sendText(HttpExchange ex, int code, String type, String text) throws IOException {
    send(ex, code, type, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int code, String type, byte[] bytes)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-cache, private");
    ex.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }

  /** Starts a chunked 200 response of the given content type and returns its stream. */
  static OutputStream startStream(HttpExchange ex, String type) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-cache, private");
    ex.sendResponseHeaders(200, 0);
    return ex.getResponseBody();
  }

  static void writeLine(OutputStream out, String line) throws IOException {
    out.write(line.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    out.flush();
  }
}
