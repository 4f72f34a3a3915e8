package org.crater.sim.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ingress rules as the simulated cluster understands them ({@code networking.k8s.io/v1}): what a
 * real API server refuses with 422, and which rule's backend a request reaches. Matching follows
 * the Ingress specification: a rule with a host matches that host (a {@code *.} wildcard one DNS
 * label), a rule without one matches any; {@code Exact} paths match exactly, {@code Prefix} (and
 * {@code ImplementationSpecific}) paths match element by element; the longest path wins.
 */
final class Ingresses {
  private static final Pattern HOST =
      Pattern.compile("(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern IP = Pattern.compile("[0-9.]+|.*:.*");
  private static final Set<String> PATH_TYPES = Set.of("Exact", "Prefix", "ImplementationSpecific");

  private Ingresses() {}

  /**
   * Where a matched request goes.
   *
   * @param namespace the Ingress's namespace
   * @param ingress the Ingress's name
   * @param service the backend Service
   * @param path the matched rule path
   */
  record Backend(String namespace, String ingress, String service, String path) {}

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
      for (JsonElement r : array(ingress, "spec.rules")) {
        JsonObject rule = r.getAsJsonObject();
        if (!hostMatches(Json.str(rule, "host"), host)) {
          continue;
        }
        for (JsonElement p : array(rule, "http.paths")) {
          JsonObject candidate = p.getAsJsonObject();
          String rulePath = Json.str(candidate, "path");
          if (pathMatches(Json.str(candidate, "pathType"), rulePath, path)
              && (best == null || rulePath.length() > best.path().length())) {
            best =
                new Backend(
                    Json.namespace(ingress),
                    Json.name(ingress),
                    Json.str(candidate, "backend.service.name"),
                    rulePath);
          }
        }
      }
    }
    return Optional.ofNullable(best);
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
