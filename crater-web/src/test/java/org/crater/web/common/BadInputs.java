package org.crater.web.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crater.web.common.OpenApiRoutes.Route;

/**
 * Bad requests for one route: odd path parameters, odd query parameters, and bodies that are not
 * the JSON the route expects (broken syntax, wrong types, huge values, deep nesting, unknown
 * fields, injection strings, no body, the wrong content type).
 */
final class BadInputs {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String APPLICATION_JSON = "application/json";
  private static final String MEGABYTE = "x".repeat(1 << 20);

  /** Strings that break naive SQL, paths, HTML, templates, logs and format strings. */
  static final List<String> INJECTIONS =
      List.of(
          "' OR 1=1--",
          "\" OR \"\"=\"",
          "1; DROP TABLE crater_job",
          "../../etc/passwd",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1/a}",
          "%s%n%x",
          "line\nbreak\u0000nul\u202eright-to-left");

  /** Values for a path or query parameter. */
  static final List<String> ODD_VALUES =
      concat(
          List.of("", "-1", "0", "99999999999999999999999", "1e400", "NaN", "x".repeat(1000)),
          INJECTIONS);

  /** Values of the wrong type or size for one body property. */
  private static final List<JsonNode> WRONG_VALUES =
      List.of(
          NODES.numberNode(-1),
          NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")),
          NODES.numberNode(1.5e300),
          NODES.booleanNode(true),
          NODES.textNode("text"),
          NODES.arrayNode().add(1).add("two"),
          NODES.objectNode().put("nested", "object"),
          NODES.nullNode());

  /** Maps with odd keys, values and sizes, for object properties (resource maps, env...). */
  private static final List<JsonNode> ODD_MAPS =
      List.of(
          NODES.objectNode().put("' OR 1=1--", "1"),
          NODES.objectNode().put("cpu", "99999999999999999999999999"),
          NODES.objectNode().put("cpu", "1e400"),
          NODES.objectNode().put("cpu", -1),
          manyEntries(10_000));

  /** Arrays with odd items and sizes, for list properties. */
  private static final List<JsonNode> ODD_ARRAYS =
      List.of(
          NODES.arrayNode().add("' OR 1=1--").add("<script>alert(1)</script>"),
          NODES.arrayNode().add(NODES.arrayNode().add(1)),
          manyItems(100_000));

  /**
   * One request to send.
   *
   * @param label what is odd about it
   * @param method the HTTP method
   * @param path the path, relative to the application, with its query
   * @param contentType the Content-Type header, or null for none
   * @param body the body, or null for none
   * @param refusable whether the HTTP server itself may refuse the request before Crater sees it
   *     (with an empty 400): a request line over 8 KB, a NUL or backslash in the path, a body on a
   *     GET or DELETE
   */
  record Probe(
      String label,
      String method,
      String path,
      String contentType,
      String body,
      boolean refusable) {

    @Override
    public String toString() {
      return method + " " + abbreviate(path) + " [" + label + "]";
    }
  }

  private BadInputs() {}

  /**
   * Every bad request for {@code route}; {@code existing} gives a real value per path parameter.
   */
  static List<Probe> of(Route route, Map<String, String> existing) {
    List<Probe> probes = new ArrayList<>();
    String plain = path(route, existing, null, null);
    for (String param : route.pathParams()) {
      probes.add(
          probe(
              route,
              "path " + param + " unknown",
              path(route, existing, param, "zz-unknown-4242"),
              null,
              null));
      for (String value : ODD_VALUES) {
        probes.add(
            probe(
                route,
                "path " + param + "=" + abbreviate(value),
                path(route, existing, param, value),
                null,
                null));
      }
    }
    for (String param : route.queryParams()) {
      for (String value : ODD_VALUES) {
        probes.add(
            probe(
                route,
                "query " + param + "=" + abbreviate(value),
                plain + "?" + param + "=" + encode(value),
                null,
                null));
      }
    }
    for (String value : ODD_VALUES) {
      probes.add(
          probe(
              route,
              "common queries=" + abbreviate(value),
              plain + "?" + commonQuery(value),
              null,
              null));
    }
    probes.addAll(route.body() == null ? bodiesWithoutSchema(route, plain) : bodies(route, plain));
    return probes;
  }

  /** Bodies sent where the route takes none: they must be ignored or refused, never a 500. */
  private static List<Probe> bodiesWithoutSchema(Route route, String path) {
    return List.of(
        probe(route, "unexpected malformed JSON", path, APPLICATION_JSON, "{\"a\": "),
        probe(route, "unexpected text body", path, "text/plain", "hello"));
  }

  private static List<Probe> bodies(Route route, String path) {
    String base = route.body().toString();
    List<Probe> probes = new ArrayList<>();
    probes.add(probe(route, "malformed JSON", path, APPLICATION_JSON, "{\"a\": "));
    probes.add(probe(route, "single quotes", path, APPLICATION_JSON, "{'a': 'b'}"));
    probes.add(probe(route, "trailing garbage", path, APPLICATION_JSON, base + "}}"));
    probes.add(probe(route, "two documents", path, APPLICATION_JSON, base + base));
    probes.add(probe(route, "empty body", path, APPLICATION_JSON, ""));
    probes.add(probe(route, "no content type", path, null, base));
    probes.add(probe(route, "text/plain", path, "text/plain", base));
    probes.add(probe(route, "XML", path, "application/xml", "<job><name>x</name></job>"));
    probes.add(probe(route, "form", path, "application/x-www-form-urlencoded", "name=x"));
    probes.add(probe(route, "bad charset", path, "application/json; charset=klingon", base));
    for (String top : List.of("[]", "\"text\"", "42", "null", "true", "1" + "0".repeat(5000))) {
      probes.add(probe(route, "top-level " + abbreviate(top), path, APPLICATION_JSON, top));
    }
    probes.add(
        probe(
            route, "deep arrays", path, APPLICATION_JSON, "[".repeat(50_000) + "]".repeat(50_000)));
    probes.add(
        probe(
            route,
            "deep objects",
            path,
            APPLICATION_JSON,
            "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
    probes.add(
        probe(
            route,
            "unknown field",
            path,
            APPLICATION_JSON,
            with(route.body(), "craterUnknownField", NODES.textNode("x"))));
    probes.add(
        probe(
            route,
            "every string 1 MB",
            path,
            APPLICATION_JSON,
            allStrings(route, NODES.textNode(MEGABYTE))));
    for (String property : route.bodyTypes().keySet()) {
      for (JsonNode wrong : WRONG_VALUES) {
        probes.add(
            probe(
                route,
                property + "=" + abbreviate(wrong.toString()),
                path,
                APPLICATION_JSON,
                with(route.body(), property, wrong)));
      }
      for (JsonNode value : oddValues(route.bodyTypes().get(property))) {
        probes.add(
            probe(
                route,
                property + "=" + abbreviate(value.toString()),
                path,
                APPLICATION_JSON,
                with(route.body(), property, value)));
      }
    }
    probes.add(probe(route, "without property", path, APPLICATION_JSON, "{}"));
    return probes;
  }

  /** Values of the right JSON type but odd content for a property of {@code type}. */
  private static List<JsonNode> oddValues(String type) {
    return switch (type) {
      case "string" -> INJECTIONS.stream().map(i -> (JsonNode) NODES.textNode(i)).toList();
      case "object" -> ODD_MAPS;
      case "array" -> ODD_ARRAYS;
      default -> List.of();
    };
  }

  private static JsonNode manyEntries(int n) {
    ObjectNode map = NODES.objectNode();
    for (int i = 0; i < n; i++) {
      map.put("key-" + i, "value");
    }
    return map;
  }

  private static JsonNode manyItems(int n) {
    var array = NODES.arrayNode();
    for (int i = 0; i < n; i++) {
      array.add("x");
    }
    return array;
  }

  private static String with(ObjectNode body, String property, JsonNode value) {
    ObjectNode copy = body.deepCopy();
    copy.set(property, value);
    return copy.toString();
  }

  private static String allStrings(Route route, JsonNode value) {
    ObjectNode copy = route.body().deepCopy();
    route
        .bodyTypes()
        .forEach((p, type) -> copy.set(p, type.equals("string") ? value : copy.get(p)));
    return copy.toString();
  }

  /** Every query parameter some list route reads, set to {@code value}. */
  private static String commonQuery(String value) {
    String v = encode(value);
    List<String> names =
        List.of(
            "page", "size", "phase", "kind", "account", "sort", "since", "until", "q", "role",
            "status", "tail");
    return String.join("&", names.stream().map(n -> n + "=" + v).toList());
  }

  private static String path(Route route, Map<String, String> existing, String odd, String value) {
    String path = route.path();
    for (String param : route.pathParams()) {
      String v = param.equals(odd) ? value : existing.getOrDefault(param, "zz-unknown-4242");
      path = path.replace("{" + param + "}", encode(v));
    }
    return path.substring(1);
  }

  private static Probe probe(Route route, String label, String path, String type, String body) {
    // Payara's HTTP codec refuses these itself: a request line over its bound
    // (deploy/preboot.asadmin), a body on GET or DELETE.
    boolean refusable =
        path.length() > 64 * 1024
            || (body != null && List.of("GET", "DELETE").contains(route.method()));
    return new Probe(label, route.method(), path, type, body, refusable);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String abbreviate(String text) {
    String oneLine = text.replace("\n", "\\n").replace("\u0000", "\\0");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
