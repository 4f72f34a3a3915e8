package org.crater.sim.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;

/**
 * The patch formats: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and an approximation of
 * strategic merge patch (merge patch, but lists of objects are merged by {@code name} or {@code
 * type}).
 */
public final class Patches {
  private Patches() {}

  /** Applies a patch body of the given content type to {@code target} (a private copy). */
  public static JsonObject apply(JsonObject target, String contentType, String body) {
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    JsonElement patch;
    try {
      patch = JsonParser.parseString(body);
    } catch (RuntimeException e) {
      throw ApiError.badRequest("the patch body is not valid JSON");
    }
    if (type.contains("application/json-patch+json")) {
      return JsonPatch.apply(target, patch);
    }
    if (!patch.isJsonObject()) {
      throw ApiError.badRequest("a merge patch must be a JSON object");
    }
    if (type.contains("application/merge-patch+json")) {
      return merge(target, patch.getAsJsonObject(), false);
    }
    if (type.contains("application/strategic-merge-patch+json")
        || type.contains("application/apply-patch")) {
      return merge(target, patch.getAsJsonObject(), true);
    }
    throw new ApiError(
        415, "UnsupportedMediaType", "the body of the request was in an unknown format");
  }

  static JsonObject merge(JsonObject target, JsonObject patch, boolean strategic) {
    for (Map.Entry<String, JsonElement> e : patch.entrySet()) {
      String key = e.getKey();
      JsonElement value = e.getValue();
      if (strategic && key.startsWith("$")) {
        continue;
      }
      if (value.isJsonNull()) {
        target.remove(key);
      } else if (value.isJsonObject()) {
        JsonElement existing = target.get(key);
        JsonObject base =
            existing != null && existing.isJsonObject()
                ? existing.getAsJsonObject()
                : new JsonObject();
        target.add(key, merge(base, value.getAsJsonObject(), strategic));
      } else if (strategic
          && value.isJsonArray()
          && target.get(key) != null
          && target.get(key).isJsonArray()) {
        target.add(key, mergeList(target.get(key).getAsJsonArray(), value.getAsJsonArray()));
      } else {
        target.add(key, value.deepCopy());
      }
    }
    return target;
  }

  private static JsonArray mergeList(JsonArray base, JsonArray patch) {
    String mergeKey = mergeKey(patch);
    if (mergeKey == null) {
      return patch.deepCopy();
    }
    JsonArray result = base.deepCopy();
    for (JsonElement item : patch) {
      JsonElement key = item.getAsJsonObject().get(mergeKey);
      JsonObject existing = findByKey(result, mergeKey, key);
      if (existing == null) {
        result.add(item.deepCopy());
      } else {
        merge(existing, item.getAsJsonObject(), true);
      }
    }
    return result;
  }

  private static String mergeKey(JsonArray patch) {
    for (String candidate : new String[] {"name", "type"}) {
      boolean all = !patch.isEmpty();
      for (JsonElement item : patch) {
        all &= item.isJsonObject() && item.getAsJsonObject().has(candidate);
      }
      if (all) {
        return candidate;
      }
    }
    return null;
  }

  private static JsonObject findByKey(JsonArray list, String field, JsonElement key) {
    for (JsonElement item : list) {
      if (item.isJsonObject() && key.equals(item.getAsJsonObject().get(field))) {
        return item.getAsJsonObject();
      }
    }
    return null;
  }
}
