package org.crater.sim.api;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** The pod subresources {@code binding}, {@code eviction} and {@code log}. */
final class PodEndpoints {
  private static final long FOLLOW_POLL_MS = 200;

  private final Store store;
  private final LogStore logs;

  PodEndpoints(Store store, LogStore logs) {
    this.store = store;
    this.logs = logs;
  }

  /** Handles {@code POST /api/v1/namespaces/{ns}/bindings}; false for any other path. */
  boolean handlesBindings(HttpExchange ex, String[] s) throws IOException {
    if (s.length != 5 || !s[2].equals("namespaces") || !s[4].equals("bindings")) {
      return false;
    }
    JsonObject binding = Json.parse(HttpIo.body(ex));
    bind(ex, s[3], Json.name(binding), binding);
    return true;
  }

  void handle(HttpExchange ex, Route r) throws IOException {
    if (!r.type().equals(ResourceRegistry.PODS)) {
      throw Route.notFound();
    }
    String method = ex.getRequestMethod();
    switch (r.subresource()) {
      case "binding" -> {
        requireMethod(method, "POST");
        bind(ex, r.namespace(), r.name(), Json.parse(HttpIo.body(ex)));
      }
      case "eviction" -> {
        requireMethod(method, "POST");
        store.delete(ResourceRegistry.PODS, r.namespace(), r.name(), false);
        HttpIo.sendJson(ex, 201, ResourceHandler.success(201));
      }
      case "log" -> {
        requireMethod(method, "GET");
        log(ex, r, HttpIo.query(ex));
      }
      default -> throw Route.notFound();
    }
  }

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new ApiError(405, "MethodNotAllowed", "the server does not allow this method");
    }
  }

  /** Sets spec.nodeName once; a second binding is a 409, as on a real API server. */
  private void bind(HttpExchange ex, String ns, String name, JsonObject binding)
      throws IOException {
    String node = Json.str(binding, "target.name");
    if (node == null || node.isEmpty()) {
      throw ApiError.invalid(ResourceRegistry.PODS, name, "target.name: Required value");
    }
    Pods.bind(store, ns, name, node);
    HttpIo.sendJson(ex, 201, ResourceHandler.success(201));
  }

  private void log(HttpExchange ex, Route r, Map<String, String> q) throws IOException {
    store.get(ResourceRegistry.PODS, r.namespace(), r.name());
    LogStore.PodLog log = logs.get(r.namespace(), r.name());
    int start = 0;
    if (q.containsKey("tailLines")) {
      start = Math.max(0, log.size() - Integer.parseInt(q.get("tailLines")));
    }
    if (!"true".equals(q.get("follow"))) {
      StringBuilder text = new StringBuilder();
      log.from(start).forEach(line -> text.append(line).append('\n'));
      HttpIo.sendText(ex, 200, text.toString());
      return;
    }
    try (OutputStream out = HttpIo.startStream(ex, "text/plain")) {
      follow(out, log, r, start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void follow(OutputStream out, LogStore.PodLog log, Route r, int start)
      throws IOException, InterruptedException {
    int next = start;
    while (true) {
      List<String> lines = log.from(next);
      for (String line : lines) {
        HttpIo.writeLine(out, line);
      }
      next += lines.size();
      boolean gone = store.find(ResourceRegistry.PODS, r.namespace(), r.name()).isEmpty();
      if ((log.finished() && log.size() <= next) || gone) {
        return;
      }
      log.awaitAfter(next, FOLLOW_POLL_MS);
    }
  }
}
