package org.crater.sim.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The resource verbs: get, list, watch, create, update, patch, delete and deletecollection. */
final class ResourceHandler {
  /**
   * Resources whose DELETE answers with the object, as their client-java methods expect; the others
   * answer with a success Status.
   */
  private static final Set<ResourceType> RETURNS_DELETED =
      Set.of(
          ResourceRegistry.PODS,
          ResourceRegistry.SERVICES,
          ResourceRegistry.PVCS,
          ResourceRegistry.VC_JOBS,
          ResourceRegistry.POD_GROUPS,
          ResourceRegistry.QUEUES);

  private final Store store;
  private final WatchStreamer watches;
  private final AtomicInteger lostCreateAnswers = new AtomicInteger();
  private final AdmissionPolicies admission;

  ResourceHandler(Store store, WatchStreamer watches, AdmissionPolicies admission) {
    this.store = store;
    this.watches = watches;
    this.admission = admission;
  }

  /**
   * Carries out the next {@code count} creates but answers them 409 AlreadyExists, as a client sees
   * it when the answer to its create was lost and its retry finds the object the first attempt
   * made.
   */
  void loseNextCreateAnswers(int count) {
    lostCreateAnswers.set(count);
  }

  void handle(HttpExchange ex, Route r) throws IOException {
    Map<String, String> q = HttpIo.query(ex);
    boolean status = "status".equals(r.subresource());
    if (status && !r.type().statusSubresource()) {
      throw Route.notFound();
    }
    String method = ex.getRequestMethod();
    if (q.containsKey("dryRun") && !method.equals("GET")) {
      dryRun(ex, r, method, status);
      return;
    }
    if (r.name() == null) {
      collection(ex, r, q, method);
      return;
    }
    ResourceType t = r.type();
    switch (method) {
      case "GET" -> HttpIo.sendJson(ex, 200, store.get(t, r.namespace(), r.name()));
      case "PUT" -> {
        JsonObject body = parseBody(ex);
        HttpIo.sendJson(
            ex, 200, invalidOn(t, () -> store.replace(t, r.namespace(), r.name(), body, status)));
      }
      case "PATCH" -> {
        String patch = HttpIo.body(ex);
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        HttpIo.sendJson(ex, 200, invalidOn(t, () -> patch(r, type, patch, status)));
      }
      case "DELETE" -> {
        JsonObject deleted = store.delete(t, r.namespace(), r.name(), orphan(q, HttpIo.body(ex)));
        HttpIo.sendJson(ex, 200, RETURNS_DELETED.contains(t) ? deleted : deletedStatus(t, deleted));
      }
      default -> throw methodNotAllowed(method);
    }
  }

  private void dryRun(HttpExchange ex, Route r, String method, boolean status) throws IOException {
    ResourceType t = r.type();
    String ns = r.namespace();
    JsonObject result;
    int code = 200;
    if (method.equals("POST") && r.name() == null) {
      JsonObject body = parseBody(ex);
      result = invalidOn(t, () -> DryRun.create(store, t, ns, body));
      code = 201;
    } else if (method.equals("PUT") && r.name() != null) {
      JsonObject body = parseBody(ex);
      result =
          invalidOn(t, () -> DryRun.modify(store, t, ns, r.name(), o -> body.deepCopy(), status));
    } else if (method.equals("PATCH") && r.name() != null) {
      String patch = HttpIo.body(ex);
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      result =
          invalidOn(
              t,
              () ->
                  DryRun.modify(
                      store, t, ns, r.name(), o -> Patches.apply(o, type, patch), status));
    } else if (method.equals("DELETE") && r.name() != null) {
      result = DryRun.delete(store, t, ns, r.name());
    } else {
      throw methodNotAllowed(method + " with dryRun");
    }
    HttpIo.sendJson(ex, code, result);
  }

  /** Applies a patch; a server-side apply of a missing object creates it, as the real API does. */
  private JsonObject patch(Route r, String type, String patch, boolean status) {
    ResourceType t = r.type();
    boolean apply = type != null && type.contains("application/apply-patch");
    if (apply && !status && store.find(t, r.namespace(), r.name()).isEmpty()) {
      JsonObject body = Patches.apply(new JsonObject(), type, patch);
      Json.meta(body).addProperty("name", r.name());
      return store.create(t, r.namespace(), body);
    }
    return store.modify(t, r.namespace(), r.name(), o -> Patches.apply(o, type, patch), status);
  }

  private void collection(HttpExchange ex, Route r, Map<String, String> q, String method)
      throws IOException {
    ResourceType t = r.type();
    switch (method) {
      case "GET" -> {
        if (r.watch() || "true".equals(q.get("watch")) || "1".equals(q.get("watch"))) {
          watches.stream(ex, r, q, filter(q));
        } else {
          HttpIo.sendJson(ex, 200, list(r, q));
        }
      }
      case "POST" -> {
        if (t.namespaced() && r.namespace() == null) {
          throw Route.notFound();
        }
        JsonObject body = parseBody(ex);
        admission.admit(body);
        JsonObject created = invalidOn(t, () -> store.create(t, r.namespace(), body));
        if (lostCreateAnswers.get() > 0 && lostCreateAnswers.getAndDecrement() > 0) {
          throw ApiError.alreadyExists(t, Json.meta(created).get("name").getAsString());
        }
        HttpIo.sendJson(ex, 201, created);
      }
      case "DELETE" -> {
        store.deleteAll(t, r.namespace(), filter(q));
        HttpIo.sendJson(ex, 200, success(200));
      }
      default -> throw methodNotAllowed(method);
    }
  }

  private JsonObject list(Route r, Map<String, String> q) {
    int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : 0;
    String after = null;
    String token = q.get("continue");
    if (token != null && !token.isEmpty()) {
      String[] parts = decodeContinue(token);
      store.checkNotCompacted(Long.parseLong(parts[0]));
      after = parts[1];
    }
    Store.Page page = store.page(r.type(), r.namespace(), filter(q), after, limit);
    JsonObject result = new JsonObject();
    result.addProperty("kind", r.type().kind() + "List");
    result.addProperty("apiVersion", r.type().apiVersion());
    JsonObject meta = new JsonObject();
    meta.addProperty("resourceVersion", Long.toString(page.rv()));
    if (page.nextKey() != null) {
      meta.addProperty("continue", encodeContinue(page.rv(), page.nextKey()));
    }
    result.add("metadata", meta);
    JsonArray items = new JsonArray(page.items().size());
    page.items().forEach(items::add);
    result.add("items", items);
    return result;
  }

  private static String encodeContinue(long rv, String key) {
    String raw = rv + ":" + key;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decodeContinue(String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", 2);
      Long.parseLong(parts[0]);
      if (parts.length != 2) {
        throw new IllegalArgumentException();
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid continue token");
    }
  }

  static Predicate<JsonObject> filter(Map<String, String> q) {
    return Selectors.labels(q.get("labelSelector")).and(Selectors.fields(q.get("fieldSelector")));
  }

  private static boolean orphan(Map<String, String> q, String body) {
    if ("Orphan".equals(q.get("propagationPolicy")) || "true".equals(q.get("orphanDependents"))) {
      return true;
    }
    if (body == null || body.isBlank()) {
      return false;
    }
    JsonObject options = Json.parse(body);
    return "Orphan".equals(Json.str(options, "propagationPolicy"))
        || "true".equals(Json.str(options, "orphanDependents"));
  }

  private static JsonObject parseBody(HttpExchange ex) throws IOException {
    String body = HttpIo.body(ex);
    try {
      return Json.parse(body);
    } catch (ApiError e) {
      throw e;
    } catch (RuntimeException e) {
      throw ApiError.badRequest("the request body is not valid JSON");
    }
  }

  /** Malformed shapes that slip past validation surface as Gson errors: answer 422, not 500. */
  private static JsonObject invalidOn(ResourceType t, Supplier<JsonObject> write) {
    try {
      return write.get();
    } catch (IllegalStateException
        | UnsupportedOperationException
        | ClassCastException
        | NumberFormatException e) {
      throw new ApiError(422, "Invalid", t.kind() + " is invalid: " + e.getMessage());
    }
  }

  private static JsonObject deletedStatus(ResourceType t, JsonObject deleted) {
    JsonObject status = success(200);
    JsonObject details = new JsonObject();
    details.addProperty("name", Json.name(deleted));
    if (!t.group().isEmpty()) {
      details.addProperty("group", t.group());
    }
    details.addProperty("kind", t.plural());
    details.addProperty("uid", Json.uid(deleted));
    status.add("details", details);
    return status;
  }

  static JsonObject success(int code) {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.add("metadata", new JsonObject());
    status.addProperty("status", "Success");
    status.addProperty("code", code);
    return status;
  }

  private static ApiError methodNotAllowed(String method) {
    return new ApiError(
        405,
        "MethodNotAllowed",
        "the server does not allow this method (" + method + ") on the requested resource");
  }
}
