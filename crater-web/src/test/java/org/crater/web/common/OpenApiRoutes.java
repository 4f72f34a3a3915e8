package org.crater.web.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routes an OpenAPI document describes, with a sample body built from each request schema
 * (examples where the schema gives them), so that a test can go over every route, including those
 * added later.
 */
final class OpenApiRoutes {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 6;

  /**
   * One operation.
   *
   * @param method the HTTP method, upper case
   * @param path the path template, e.g. {@code /api/v1/jobs/{id}}
   * @param pathParams the names of its path parameters
   * @param queryParams the names of its documented query parameters
   * @param body a sample request body, or null when it takes none
   * @param bodyTypes the JSON type of each top-level property of the body
   */
  record Route(
      String method,
      String path,
      List<String> pathParams,
      List<String> queryParams,
      ObjectNode body,
      Map<String, String> bodyTypes) {

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final JsonNode schemas;

  private OpenApiRoutes(JsonNode document) {
    this.schemas = document.path("components").path("schemas");
  }

  /** Every operation of {@code document} whose path starts with {@code prefix}. */
  static List<Route> of(JsonNode document, String prefix) {
    OpenApiRoutes routes = new OpenApiRoutes(document);
    List<Route> found = new ArrayList<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path -> {
              if (path.getKey().startsWith(prefix)) {
                path.getValue()
                    .fields()
                    .forEachRemaining(op -> routes.add(found, path.getKey(), path.getValue(), op));
              }
            });
    return found;
  }

  private void add(List<Route> found, String path, JsonNode item, Map.Entry<String, JsonNode> op) {
    if (!METHODS.contains(op.getKey())) {
      return;
    }
    List<String> pathParams = new ArrayList<>();
    List<String> queryParams = new ArrayList<>();
    List<JsonNode> parameters = new ArrayList<>();
    item.path("parameters").forEach(parameters::add);
    op.getValue().path("parameters").forEach(parameters::add);
    for (JsonNode p : parameters) {
      String name = p.path("name").asText();
      List<String> into = p.path("in").asText().equals("path") ? pathParams : queryParams;
      if (!into.contains(name)) {
        into.add(name);
      }
    }
    JsonNode content = op.getValue().path("requestBody").path("content");
    JsonNode schema = content.path("application/json").path("schema");
    ObjectNode body = null;
    Map<String, String> types = new java.util.LinkedHashMap<>();
    if (!schema.isMissingNode()) {
      JsonNode sample = sample(schema, 0);
      body = sample.isObject() ? (ObjectNode) sample : NODES.objectNode();
      JsonNode properties = resolve(schema).path("properties");
      properties.fields().forEachRemaining(f -> types.put(f.getKey(), type(f.getValue())));
    }
    found.add(new Route(op.getKey().toUpperCase(), path, pathParams, queryParams, body, types));
  }

  private JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asText();
    if (ref.startsWith("#/components/schemas/")) {
      return schemas.path(ref.substring("#/components/schemas/".length()));
    }
    return schema;
  }

  private String type(JsonNode schema) {
    JsonNode resolved = resolve(schema);
    return resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
  }

  /** A value of the schema's shape: its example, else a plain value of its type. */
  private JsonNode sample(JsonNode schema, int depth) {
    JsonNode s = resolve(schema);
    if (s.has("example")) {
      return s.get("example");
    }
    return switch (type(s)) {
      case "string" -> NODES.textNode("sample");
      case "integer", "number" -> NODES.numberNode(1);
      case "boolean" -> NODES.booleanNode(true);
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        if (s.has("items") && depth < MAX_DEPTH) {
          array.add(sample(s.get("items"), depth + 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        if (depth < MAX_DEPTH) {
          Iterator<Map.Entry<String, JsonNode>> fields = s.path("properties").fields();
          fields.forEachRemaining(f -> object.set(f.getKey(), sample(f.getValue(), depth + 1)));
        }
        yield object;
      }
    };
  }
}
