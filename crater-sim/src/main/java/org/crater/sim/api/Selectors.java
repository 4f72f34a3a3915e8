package org.crater.sim.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Label selectors ({@code =, ==, !=, in, notin}, exists, {@code !}exists, comma = AND) and field
 * selectors ({@code =, ==, !=} on dotted paths such as {@code spec.nodeName}).
 */
public final class Selectors {
  private static final Set<String> FIELDS =
      Set.of(
          "metadata.name",
          "metadata.namespace",
          "spec.nodeName",
          "status.phase",
          "spec.schedulerName",
          "involvedObject.name",
          "involvedObject.kind",
          "involvedObject.namespace",
          "involvedObject.uid",
          "reason",
          "type",
          "spec.unschedulable");

  private Selectors() {}

  /** Parses a label selector; an empty or null selector matches everything. */
  public static Predicate<JsonObject> labels(String selector) {
    Predicate<JsonObject> result = o -> true;
    if (selector == null || selector.isBlank()) {
      return result;
    }
    for (String term : splitTerms(selector)) {
      Predicate<JsonObject> requirement = labelRequirement(term.trim());
      result = result.and(requirement);
    }
    return result;
  }

  /** Parses a field selector; an empty or null selector matches everything. */
  public static Predicate<JsonObject> fields(String selector) {
    Predicate<JsonObject> result = o -> true;
    if (selector == null || selector.isBlank()) {
      return result;
    }
    for (String term : selector.split(",")) {
      result = result.and(fieldRequirement(term.trim()));
    }
    return result;
  }

  private static List<String> splitTerms(String selector) {
    List<String> terms = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }

  private static Predicate<JsonObject> labelRequirement(String term) {
    String[] setOp = term.split("\\s+(in|notin)\\s*(?=\\()", 2);
    if (setOp.length == 2) {
      String key = setOp[0].trim();
      boolean notIn = term.substring(key.length()).trim().startsWith("notin");
      Set<String> values = parseSet(setOp[1], term);
      return o -> {
        String v = label(o, key);
        return notIn ? v == null || !values.contains(v) : v != null && values.contains(v);
      };
    }
    if (term.startsWith("!")) {
      String key = checkKey(term.substring(1).trim(), term);
      return o -> label(o, key) == null;
    }
    int ne = term.indexOf("!=");
    if (ne > 0) {
      String key = checkKey(term.substring(0, ne).trim(), term);
      String value = term.substring(ne + 2).trim();
      return o -> !value.equals(label(o, key));
    }
    int eq = term.indexOf('=');
    if (eq > 0) {
      String key = checkKey(term.substring(0, eq).trim(), term);
      String value = term.substring(term.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
      return o -> value.equals(label(o, key));
    }
    String key = checkKey(term, term);
    return o -> label(o, key) != null;
  }

  private static String checkKey(String key, String term) {
    if (key.isEmpty() || !key.matches("[A-Za-z0-9][-A-Za-z0-9_./]*")) {
      throw ApiError.badRequest(
          "unable to parse requirement: invalid label key in \"" + term + "\"");
    }
    return key;
  }

  private static Set<String> parseSet(String text, String term) {
    String s = text.trim();
    if (!s.startsWith("(") || !s.endsWith(")")) {
      throw ApiError.badRequest("unable to parse requirement: \"" + term + "\"");
    }
    Set<String> values = new java.util.HashSet<>();
    for (String v : s.substring(1, s.length() - 1).split(",")) {
      if (!v.isBlank()) {
        values.add(v.trim());
      }
    }
    return values;
  }

  private static String label(JsonObject o, String key) {
    JsonElement labels = Json.at(o, "metadata.labels");
    if (labels == null || !labels.isJsonObject()) {
      return null;
    }
    JsonElement v = labels.getAsJsonObject().get(key);
    return v == null || v.isJsonNull() ? null : v.getAsString();
  }

  private static Predicate<JsonObject> fieldRequirement(String term) {
    boolean negate = term.contains("!=");
    String[] parts = term.split(negate ? "!=" : "==?", 2);
    if (parts.length != 2) {
      throw ApiError.badRequest("invalid field selector: \"" + term + "\"");
    }
    String path = parts[0].trim();
    String value = parts[1].trim();
    if (!FIELDS.contains(path)) {
      throw ApiError.badRequest("field label not supported: " + path);
    }
    return o -> {
      String actual = Json.str(o, path);
      boolean equal = value.equals(actual == null ? "" : actual);
      return negate != equal;
    };
  }
}
