package org.crater.sim.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated cluster's ingress controller, on the API server's own port for every path outside
 * the API: a request matching an Ingress rule goes to the rule's Service, and a Running pod the
 * Service selects answers as Jupyter Server would — 200 with a page naming the pod when the token
 * (the {@code token} query parameter or an {@code Authorization: token ...} header) equals the
 * pod's {@code JUPYTER_TOKEN}, 403 otherwise, 404 outside its base URL ({@code
 * --ServerApp.base_url=} in {@code NOTEBOOK_ARGS} or its command line). No rule: 404; no Running
 * pod behind the Service: 503, as a controller without endpoints answers.
 */
final class IngressFront {
  private static final String BASE_URL_FLAG = "--ServerApp.base_url=";
  private static final Set<String> JUPYTER_ROUTES =
      Set.of(
          "tree",
          "lab",
          "api",
          "notebooks",
          "edit",
          "files",
          "view",
          "static",
          "login",
          "logout",
          "kernelspecs",
          "nbconvert",
          "terminals",
          "custom");

  private final Store store;

  IngressFront(Store store) {
    this.store = store;
  }

  /** Answers the request when an Ingress rule matches it; false when none does. */
  boolean handles(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    Optional<Ingresses.Backend> backend =
        Ingresses.route(
            store.list(ResourceRegistry.INGRESSES, null), host(ex), path == null ? "/" : path);
    if (backend.isEmpty()) {
      return false;
    }
    Optional<JsonObject> pod = runningPod(backend.get());
    if (pod.isEmpty()) {
      sendHtml(ex, 503, "503 Service Temporarily Unavailable", "No endpoint answers yet.");
    } else if (isCodeServer(pod.get())) {
      CodeServerPages.answer(ex, pod.get(), podEnv(pod.get()), backend.get().forwardedPath());
    } else {
      answerAsJupyter(ex, pod.get(), path);
    }
    return true;
  }

  private static boolean isCodeServer(JsonObject pod) {
    Map<String, String> env = podEnv(pod);
    return env.containsKey("PASSWORD") && !env.containsKey("JUPYTER_TOKEN");
  }

  /** The environment of the pod's first container. */
  static Map<String, String> podEnv(JsonObject pod) {
    return env(Json.arr(pod, "spec.containers").get(0).getAsJsonObject());
  }

  private void answerAsJupyter(HttpExchange ex, JsonObject pod, String path) throws IOException {
    JsonObject container = Json.arr(pod, "spec.containers").get(0).getAsJsonObject();
    Map<String, String> env = env(container);
    String baseUrl = baseUrl(container, env);
    if (!isJupyterPath(baseUrl, path)) {
      sendHtml(ex, 404, "404 : Not Found", "Jupyter answers under " + baseUrl + " only.");
      return;
    }
    String expected = env.get("JUPYTER_TOKEN");
    String given = token(ex);
    // An empty configured token switches authentication off, as in Jupyter Server.
    if (expected == null || !(expected.isEmpty() || expected.equals(given))) {
      sendHtml(ex, 403, "403 : Forbidden", "Invalid or missing token.");
      return;
    }
    String name = Json.name(pod);
    sendHtml(
        ex,
        200,
        "Jupyter Server - " + name,
        "Notebook "
            + name
            + " in namespace "
            + Json.namespace(pod)
            + ", base URL "
            + baseUrl
            + " (simulated by crater-sim).");
  }

  /** True for the base URL itself and Jupyter's own pages and APIs below it. */
  private static boolean isJupyterPath(String baseUrl, String path) {
    String full = path.endsWith("/") ? path : path + "/";
    if (!full.startsWith(baseUrl)) {
      return false;
    }
    String rest = full.substring(baseUrl.length());
    return rest.isEmpty() || JUPYTER_ROUTES.contains(rest.substring(0, rest.indexOf('/')));
  }

  private Optional<JsonObject> runningPod(Ingresses.Backend backend) {
    Optional<JsonObject> service =
        store.find(ResourceRegistry.SERVICES, backend.namespace(), backend.service());
    if (service.isEmpty()) {
      return Optional.empty();
    }
    JsonObject selector = Json.obj(service.get(), "spec.selector");
    if (selector.size() == 0) {
      return Optional.empty();
    }
    return store.list(ResourceRegistry.PODS, backend.namespace()).stream()
        .filter(p -> "Running".equals(Json.str(p, "status.phase")))
        .filter(p -> Json.str(p, "metadata.deletionTimestamp") == null)
        .filter(p -> selects(selector, Json.obj(p, "metadata.labels")))
        .findFirst();
  }

  private static boolean selects(JsonObject selector, JsonObject labels) {
    for (Map.Entry<String, JsonElement> e : selector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> env(JsonObject container) {
    Map<String, String> env = new java.util.HashMap<>();
    for (JsonElement e : Json.arr(container, "env")) {
      if (e.isJsonObject() && Json.str(e.getAsJsonObject(), "name") != null) {
        String value = Json.str(e.getAsJsonObject(), "value");
        env.put(Json.str(e.getAsJsonObject(), "name"), value == null ? "" : value);
      }
    }
    return env;
  }

  /** The base URL Jupyter would take from its command line: the last flag given wins. */
  private static String baseUrl(JsonObject container, Map<String, String> env) {
    List<String> words = new ArrayList<>();
    for (String part : new String[] {"command", "args"}) {
      for (JsonElement e : Json.arr(container, part)) {
        words.addAll(List.of(e.getAsString().split("\\s+")));
      }
    }
    words.addAll(List.of(env.getOrDefault("NOTEBOOK_ARGS", "").split("\\s+")));
    String base = "/";
    for (String word : words) {
      if (word.startsWith(BASE_URL_FLAG)) {
        base = word.substring(BASE_URL_FLAG.length());
      }
    }
    return base.endsWith("/") ? base : base + "/";
  }

  private static String token(HttpExchange ex) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.regionMatches(true, 0, "token ", 0, 6)) {
      return header.substring(6).trim();
    }
    return HttpIo.query(ex).get("token");
  }

  private static String host(HttpExchange ex) {
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return "";
    }
    int colon = host.lastIndexOf(':');
    return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
  }

  static void sendHtml(HttpExchange ex, int code, String title, String text) throws IOException {
    String page =
        "<!DOCTYPE html>\n<html><head><title>"
            + escape(title)
            + "</title></head><body><h1>"
            + escape(title)
            + "</h1><p>"
            + escape(text)
            + "</p></body></html>\n";
    byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(code, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
