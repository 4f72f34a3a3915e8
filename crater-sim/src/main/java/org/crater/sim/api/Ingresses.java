package org.crater.sim.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ingress rules as the simulated cluster understands them ({@code networking.k8s.io/v1}): what a
 * real API server refuses with 422, and which rule's backend a request reaches. Matching follows
 * the Ingress specification: a rule with a host matches that host (a {@code *.} wildcard one DNS
 * label), a rule without one matches any; {@code Exact} paths match exactly, {@code Prefix} (and
 * {@code ImplementationSpecific}) paths match element by element; the longest path wins. As
 * ingress-nginx does, the paths of an Ingress annotated {@value #USE_REGEX} (or {@value
 * #REWRITE_TARGET}) are case-insensitive regular expressions matched from the path's start, and a
 * {@value #REWRITE_TARGET} (with {@code $1}, {@code $2}, ... of the match) is the path the backend
 * gets.
 */
final class Ingresses {
  private static final Pattern HOST =
      Pattern.compile("(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern IP = Pattern.compile("[0-9.]+|.*:.*");
  static final String USE_REGEX = "nginx.ingress.kubernetes.io/use-regex";
  static final String REWRITE_TARGET = "nginx.ingress.kubernetes.io/rewrite-target";
  private static final Set<String> PATH_TYPES = Set.of("Exact", "Prefix", "ImplementationSpecific");

  private Ingresses() {}

  /**
   * Where a matched request goes.
   *
   * @param namespace the Ingress's namespace
   * @param ingress the Ingress's name
   * @param service the backend Service
   * @param path the matched rule path
   * @param forwardedPath the request path as the backend gets it (rewritten or not)
   */
  record Backend(
      String namespace, String ingress, String service, String path, String forwardedPath) {}

  /** Rejects rules a real API server refuses: host, path, path type and backend. */
  static void validate(ResourceType t, JsonObject ingress, String name) {
    for (JsonElement r : array(ingress, "spec.rules")) {
      JsonObject rule = object(t, name, r, "spec.rules");
      String host = Json.str(rule, "host");
      if (host != null && (!HOST.matcher(host).matches() || IP.matcher(host).matches())) {
        throw ApiError.invalid(
            t, name, "spec.rules.host: Invalid value: \"" + host + "\": must be a DNS name");
      }
      for (JsonElement p : array(rule, "http.paths")) {
        JsonObject path = object(t, name, p, "spec.rules.http.paths");
        String value = Json.str(path, "path");
        if (value == null || !value.startsWith("/")) {
          throw ApiError.invalid(
              t, name, "spec.rules.http.paths.path: Invalid value: must be an absolute path");
        }
        if (!PATH_TYPES.contains(String.valueOf(Json.str(path, "pathType")))) {
          throw ApiError.invalid(
              t,
              name,
              "spec.rules.http.paths.pathType: Unsupported value: must be Exact or Prefix");
        }
        if (Json.str(path, "backend.service.name") == null) {
          throw ApiError.invalid(
              t, name, "spec.rules.http.paths.backend.service.name: Required value");
        }
      }
    }
  }

  /** The backend of the best rule for {@code host} (no port) and {@code path}, if any. */
  static Optional<Backend> route(Collection<JsonObject> ingresses, String host, String path) {
    Backend best = null;
    for (JsonObject ingress : ingresses) {
      if (Json.str(ingress, "metadata.deletionTimestamp") != null) {
        continue;
      }
      String rewrite = annotation(ingress, REWRITE_TARGET);
      boolean regex = rewrite != null || "true".equals(annotation(ingress, USE_REGEX));
      for (JsonElement r : array(ingress, "spec.rules")) {
        JsonObject rule = r.getAsJsonObject();
        if (!hostMatches(Json.str(rule, "host"), host)) {
          continue;
        }
        for (JsonElement p : array(rule, "http.paths")) {
          JsonObject candidate = p.getAsJsonObject();
          String rulePath = Json.str(candidate, "path");
          Optional<String> forwarded =
              regex
                  ? regexMatch(rulePath, path, rewrite)
                  : Optional.of(path).filter(x -> pathMatches(candidate, rulePath, x));
          if (forwarded.isPresent() && (best == null || rulePath.length() > best.path().length())) {
            best =
                new Backend(
                    Json.namespace(ingress),
                    Json.name(ingress),
                    Json.str(candidate, "backend.service.name"),
                    rulePath,
                    forwarded.get());
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static String annotation(JsonObject object, String key) {
    JsonElement value = Json.obj(object, "metadata.annotations").get(key);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  private static boolean pathMatches(JsonObject candidate, String rulePath, String path) {
    return pathMatches(Json.str(candidate, "pathType"), rulePath, path);
  }

  /** The forwarded path when the regular expression matches the path's start, else empty. */
  static Optional<String> regexMatch(String rulePath, String path, String rewrite) {
    Matcher m;
    try {
      m = Pattern.compile(rulePath, Pattern.CASE_INSENSITIVE).matcher(path);
    } catch (PatternSyntaxException e) {
      return Optional.empty(); // ingress-nginx leaves such a location out
    }
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    if (rewrite == null) {
      return Optional.of(path);
    }
    StringBuilder out = new StringBuilder();
    Matcher ref = Pattern.compile("\\$(\\d)").matcher(rewrite);
    while (ref.find()) {
      int group = Integer.parseInt(ref.group(1));
      String value = group <= m.groupCount() && m.group(group) != null ? m.group(group) : "";
      ref.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    ref.appendTail(out);
    return Optional.of(out.toString());
  }

  static boolean hostMatches(String ruleHost, String host) {
    if (ruleHost == null || ruleHost.isEmpty()) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (ruleHost.startsWith("*.")) {
      int dot = h.indexOf('.');
      return dot > 0 && h.substring(dot).equals(ruleHost.substring(1));
    }
    return h.equals(ruleHost);
  }

  static boolean pathMatches(String type, String rulePath, String path) {
    if ("Exact".equals(type)) {
      return rulePath.equals(path);
    }
    String[] rule = elements(rulePath);
    String[] request = elements(path);
    return request.length >= rule.length
        && Arrays.equals(rule, Arrays.copyOf(request, rule.length));
  }

  private static String[] elements(String path) {
    return Arrays.stream(path.split("/")).filter(e -> !e.isEmpty()).toArray(String[]::new);
  }

  private static JsonArray array(JsonObject root, String path) {
    return Json.arr(root, path);
  }

  private static JsonObject object(ResourceType t, String name, JsonElement e, String path) {
    if (!e.isJsonObject()) {
      throw ApiError.invalid(t, name, path + ": Invalid value: must be an object");
    }
    return e.getAsJsonObject();
  }
}
