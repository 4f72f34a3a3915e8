package org.crater.sim.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.function.Supplier;

/** Discovery ({@code /api}, {@code /apis}, group and resource lists), /version and health. */
final class Discovery {
  private final ResourceRegistry registry;
  private final Supplier<String> address;

  Discovery(ResourceRegistry registry, Supplier<String> address) {
    this.registry = registry;
    this.address = address;
  }

  /** Answers the request if it is a discovery path and returns whether it did. */
  boolean handles(HttpExchange ex, String[] s) throws IOException {
    if (!ex.getRequestMethod().equals("GET")) {
      return false;
    }
    JsonObject body = null;
    if (s.length == 1 && s[0].equals("version")) {
      body = version();
    } else if (s.length == 1
        && (s[0].equals("healthz") || s[0].equals("livez") || s[0].equals("readyz"))) {
      HttpIo.sendText(ex, 200, "ok");
      return true;
    } else if (s.length == 1 && s[0].equals("api")) {
      body = apiVersions();
    } else if (s.length == 2 && s[0].equals("api") && s[1].equals("v1")) {
      body = resourceList("", "v1");
    } else if (s.length == 1 && s[0].equals("apis")) {
      body = groupList();
    } else if (s.length == 2 && s[0].equals("apis")) {
      body = group(s[1]);
    } else if (s.length == 3 && s[0].equals("apis")) {
      body = resourceList(s[1], s[2]);
    }
    if (body == null) {
      return false;
    }
    HttpIo.sendJson(ex, 200, body);
    return true;
  }

  static JsonObject version() {
    JsonObject v = new JsonObject();
    v.addProperty("major", "1");
    v.addProperty("minor", "34");
    v.addProperty("emulationMajor", "1");
    v.addProperty("emulationMinor", "34");
    v.addProperty("minCompatibilityMajor", "1");
    v.addProperty("minCompatibilityMinor", "33");
    v.addProperty("gitVersion", "v1.34.0-crater-sim");
    v.addProperty("gitCommit", "0000000000000000000000000000000000000000");
    v.addProperty("gitTreeState", "clean");
    v.addProperty("buildDate", "2026-11-01T00:00:00Z");
    v.addProperty("goVersion", "go1.24.0");
    v.addProperty("compiler", "gc");
    v.addProperty("platform", "linux/amd64");
    return v;
  }

  private JsonObject apiVersions() {
    JsonObject o = new JsonObject();
    o.addProperty("kind", "APIVersions");
    JsonArray versions = new JsonArray();
    versions.add("v1");
    o.add("versions", versions);
    JsonObject cidr = new JsonObject();
    cidr.addProperty("clientCIDR", "0.0.0.0/0");
    cidr.addProperty("serverAddress", address.get());
    JsonArray cidrs = new JsonArray();
    cidrs.add(cidr);
    o.add("serverAddressByClientCIDRs", cidrs);
    return o;
  }

  private JsonObject groupList() {
    JsonObject o = new JsonObject();
    o.addProperty("kind", "APIGroupList");
    o.addProperty("apiVersion", "v1");
    JsonArray groups = new JsonArray();
    for (String[] gv : registry.groupVersions()) {
      if (!gv[0].isEmpty()) {
        groups.add(groupBody(gv[0], gv[1]));
      }
    }
    o.add("groups", groups);
    return o;
  }

  private JsonObject group(String name) {
    for (String[] gv : registry.groupVersions()) {
      if (gv[0].equals(name)) {
        JsonObject o = groupBody(gv[0], gv[1]);
        o.addProperty("kind", "APIGroup");
        o.addProperty("apiVersion", "v1");
        return o;
      }
    }
    return null;
  }

  private static JsonObject groupBody(String group, String version) {
    JsonObject gv = new JsonObject();
    gv.addProperty("groupVersion", group + "/" + version);
    gv.addProperty("version", version);
    JsonArray versions = new JsonArray();
    versions.add(gv);
    JsonObject o = new JsonObject();
    o.addProperty("name", group);
    o.add("versions", versions);
    o.add("preferredVersion", gv.deepCopy());
    return o;
  }

  private JsonObject resourceList(String group, String version) {
    JsonArray resources = new JsonArray();
    for (ResourceType t : registry.all()) {
      if (t.group().equals(group) && t.version().equals(version)) {
        resources.add(resource(t.plural(), t, ResourceType.VERBS));
        if (t.statusSubresource()) {
          resources.add(
              resource(t.plural() + "/status", t, java.util.List.of("get", "patch", "update")));
        }
        if (t.equals(ResourceRegistry.PODS)) {
          resources.add(resource("pods/binding", t, java.util.List.of("create")));
          resources.add(resource("pods/eviction", t, java.util.List.of("create")));
          resources.add(resource("pods/log", t, java.util.List.of("get")));
        }
      }
    }
    if (resources.isEmpty()) {
      return null;
    }
    JsonObject o = new JsonObject();
    o.addProperty("kind", "APIResourceList");
    o.addProperty("apiVersion", "v1");
    o.addProperty("groupVersion", group.isEmpty() ? version : group + "/" + version);
    o.add("resources", resources);
    return o;
  }

  private static JsonObject resource(String name, ResourceType t, java.util.List<String> verbs) {
    JsonObject r = new JsonObject();
    r.addProperty("name", name);
    r.addProperty("singularName", name.contains("/") ? "" : t.singular());
    r.addProperty("namespaced", t.namespaced());
    r.addProperty("kind", t.kind());
    JsonArray v = new JsonArray();
    verbs.forEach(v::add);
    r.add("verbs", v);
    return r;
  }
}
