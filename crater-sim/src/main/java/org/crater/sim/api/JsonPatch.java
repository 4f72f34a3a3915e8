package org.crater.sim.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** RFC 6902 JSON patch: add, remove, replace, move, copy and test, with RFC 6901 pointers. */
final class JsonPatch {
  private JsonPatch() {}

  static JsonObject apply(JsonObject target, JsonElement patch) {
    if (!patch.isJsonArray()) {
      throw ApiError.badRequest("a JSON patch must be an array of operations");
    }
    JsonElement doc = target;
    for (JsonElement opElement : patch.getAsJsonArray()) {
      if (!opElement.isJsonObject()) {
        throw ApiError.badRequest("a JSON patch operation must be an object");
      }
      doc = applyOne(doc, opElement.getAsJsonObject());
    }
    if (!doc.isJsonObject()) {
      throw ApiError.badRequest("the patched document is not an object");
    }
    return doc.getAsJsonObject();
  }

  private static JsonElement applyOne(JsonElement doc, JsonObject op) {
    String name = Json.str(op, "op");
    String path = Json.str(op, "path");
    if (name == null || path == null) {
      throw ApiError.badRequest("a JSON patch operation needs op and path");
    }
    JsonElement value = op.get("value");
    switch (name) {
      case "add":
        return add(doc, path, required(value, op));
      case "remove":
        remove(doc, path);
        return doc;
      case "replace":
        remove(doc, path);
        return add(doc, path, required(value, op));
      case "move":
        JsonElement moved = get(doc, Json.str(op, "from"));
        remove(doc, Json.str(op, "from"));
        return add(doc, path, moved);
      case "copy":
        return add(doc, path, get(doc, Json.str(op, "from")).deepCopy());
      case "test":
        if (!get(doc, path).equals(required(value, op))) {
          throw new ApiError(422, "Invalid", "the test operation failed at " + path);
        }
        return doc;
      default:
        throw ApiError.badRequest("unknown JSON patch operation " + name);
    }
  }

  private static JsonElement required(JsonElement value, JsonObject op) {
    if (value == null) {
      throw ApiError.badRequest("the operation " + op + " needs a value");
    }
    return value.deepCopy();
  }

  private static String[] tokens(String path) {
    if (path == null || (!path.isEmpty() && !path.startsWith("/"))) {
      throw ApiError.badRequest("invalid JSON pointer " + path);
    }
    String[] raw = path.isEmpty() ? new String[0] : path.substring(1).split("/", -1);
    for (int i = 0; i < raw.length; i++) {
      raw[i] = raw[i].replace("~1", "/").replace("~0", "~");
    }
    return raw;
  }

  private static JsonElement get(JsonElement doc, String path) {
    JsonElement current = doc;
    for (String token : tokens(path)) {
      current = child(current, token, path);
    }
    return current;
  }

  private static JsonElement child(JsonElement parent, String token, String path) {
    JsonElement next = null;
    if (parent != null && parent.isJsonObject()) {
      next = parent.getAsJsonObject().get(token);
    } else if (parent != null && parent.isJsonArray()) {
      int index = index(token, parent.getAsJsonArray().size() - 1, path);
      next = parent.getAsJsonArray().get(index);
    }
    if (next == null) {
      throw new ApiError(422, "Invalid", "the JSON patch path " + path + " does not exist");
    }
    return next;
  }

  private static int index(String token, int max, String path) {
    try {
      int i = Integer.parseInt(token);
      if (i < 0 || i > max) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException e) {
      throw new ApiError(422, "Invalid", "the JSON patch index in " + path + " is out of range");
    }
  }

  private static JsonElement add(JsonElement doc, String path, JsonElement value) {
    String[] tokens = tokens(path);
    if (tokens.length == 0) {
      return value;
    }
    JsonElement parent = doc;
    for (int i = 0; i < tokens.length - 1; i++) {
      parent = child(parent, tokens[i], path);
    }
    String last = tokens[tokens.length - 1];
    if (parent.isJsonObject()) {
      parent.getAsJsonObject().add(last, value);
    } else if (parent.isJsonArray()) {
      JsonArray array = parent.getAsJsonArray();
      if (last.equals("-")) {
        array.add(value);
      } else {
        insert(array, index(last, array.size(), path), value);
      }
    } else {
      throw new ApiError(422, "Invalid", "the JSON patch path " + path + " does not exist");
    }
    return doc;
  }

  private static void insert(JsonArray array, int index, JsonElement value) {
    array.add(value);
    for (int i = array.size() - 1; i > index; i--) {
      array.set(i, array.get(i - 1));
    }
    array.set(index, value);
  }

  private static void remove(JsonElement doc, String path) {
    String[] tokens = tokens(path);
    if (tokens.length == 0) {
      throw ApiError.badRequest("cannot remove the whole document");
    }
    JsonElement parent = doc;
    for (int i = 0; i < tokens.length - 1; i++) {
      parent = child(parent, tokens[i], path);
    }
    String last = tokens[tokens.length - 1];
    child(parent, last, path);
    if (parent.isJsonObject()) {
      parent.getAsJsonObject().remove(last);
    } else {
      parent.getAsJsonArray().remove(index(last, parent.getAsJsonArray().size() - 1, path));
    }
  }
}
