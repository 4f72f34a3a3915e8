package org.crater.sim.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Small helpers over Gson trees; paths are dotted ({@code spec.nodeName}). */
public final class Json {
  public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final Map<String, String[]> PATHS = new ConcurrentHashMap<>();

  private Json() {}

  /** The element at a dotted path, or {@code null} if any step is missing or not an object. */
  public static JsonElement at(JsonObject root, String path) {
    JsonElement current = root;
    for (String step : PATHS.computeIfAbsent(path, p -> p.split("\\."))) {
      if (current == null || !current.isJsonObject()) {
        return null;
      }
      current = current.getAsJsonObject().get(step);
    }
    return current == null || current.isJsonNull() ? null : current;
  }

  /** The string at a dotted path, or {@code null}. */
  public static String str(JsonObject root, String path) {
    JsonElement e = at(root, path);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }

  /** The long at a dotted path, or {@code fallback}. */
  public static long num(JsonObject root, String path, long fallback) {
    JsonElement e = at(root, path);
    if (e == null || !e.isJsonPrimitive()) {
      return fallback;
    }
    try {
      return e.getAsBigDecimal().longValue();
    } catch (NumberFormatException ex) {
      return fallback;
    }
  }

  /** The object at a dotted path, or an empty detached object. */
  public static JsonObject obj(JsonObject root, String path) {
    JsonElement e = at(root, path);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
  }

  /** The array at a dotted path, or an empty detached array. */
  public static JsonArray arr(JsonObject root, String path) {
    JsonElement e = at(root, path);
    return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
  }

  /** The object at a single-step key, created and attached if missing. */
  public static JsonObject child(JsonObject parent, String key) {
    JsonElement e = parent.get(key);
    if (e == null || !e.isJsonObject()) {
      JsonObject created = new JsonObject();
      parent.add(key, created);
      return created;
    }
    return e.getAsJsonObject();
  }

  public static JsonObject meta(JsonObject obj) {
    return child(obj, "metadata");
  }

  public static String name(JsonObject obj) {
    return str(obj, "metadata.name");
  }

  public static String namespace(JsonObject obj) {
    return str(obj, "metadata.namespace");
  }

  public static String uid(JsonObject obj) {
    return str(obj, "metadata.uid");
  }

  public static long resourceVersion(JsonObject obj) {
    String rv = str(obj, "metadata.resourceVersion");
    return rv == null || rv.isEmpty() ? 0 : Long.parseLong(rv);
  }

  /** An RFC 3339 timestamp with second precision, as Kubernetes writes {@code Time}. */
  public static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** An RFC 3339 timestamp with microsecond precision, as Kubernetes writes {@code MicroTime}. */
  public static String nowMicro() {
    Instant now = Instant.now();
    String seconds = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return seconds.substring(0, seconds.length() - 1)
        + String.format(".%06dZ", now.getNano() / 1000);
  }

  public static JsonObject parse(String text) {
    JsonElement e = com.google.gson.JsonParser.parseString(text);
    if (!e.isJsonObject()) {
      throw ApiError.badRequest("expected a JSON object");
    }
    return e.getAsJsonObject();
  }

  public static String write(JsonElement e) {
    return GSON.toJson(e);
  }
}
