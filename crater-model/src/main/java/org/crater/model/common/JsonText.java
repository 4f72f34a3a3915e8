package org.crater.model.common;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text for the small lists and maps entities keep in one column (JSON-P, no binding library).
 */
public final class JsonText {

  /** Looked up once: {@code Json.create*} searches the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonText() {}

  public static String ofList(List<String> values) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    values.forEach(array::add);
    return array.build().toString();
  }

  public static List<String> toList(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return read(text).asJsonArray().getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  public static String ofMap(Map<String, String> values) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    values.forEach(object::add);
    return object.build().toString();
  }

  public static Map<String, String> toMap(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    if (text != null && !text.isBlank()) {
      read(text)
          .asJsonObject()
          .forEach((key, value) -> map.put(key, ((JsonString) value).getString()));
    }
    return map;
  }

  /** A builder for one flat object of {@link #ofObjects}. */
  public static JsonObjectBuilder object() {
    return JSON.createObjectBuilder();
  }

  /** A list of flat objects, each a map of strings and booleans written as JSON values. */
  public static String ofObjects(List<JsonObject> objects) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    objects.forEach(array::add);
    return array.build().toString();
  }

  public static List<JsonObject> toObjects(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    JsonArray array = read(text).asJsonArray();
    return array.getValuesAs(JsonObject.class);
  }

  private static JsonValue read(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
