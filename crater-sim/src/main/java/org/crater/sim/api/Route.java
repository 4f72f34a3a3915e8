package org.crater.sim.api;

import java.util.Arrays;

/**
 * A parsed resource URL: {@code /api/v1/namespaces/ns/pods/name/status} becomes (pods, ns, name,
 * status). {@code namespace} is null for cluster-scoped resources and cluster-wide lists.
 */
record Route(ResourceType type, String namespace, String name, String subresource, boolean watch) {

  /** Parses the segments after {@code /api/v1} or {@code /apis/g/v}. */
  static Route parse(ResourceRegistry registry, String group, String version, String[] rest) {
    boolean watch = rest.length > 0 && rest[0].equals("watch");
    String[] s = watch ? Arrays.copyOfRange(rest, 1, rest.length) : rest;
    String ns = null;
    int i = 0;
    if (s.length >= 3
        && s[0].equals("namespaces")
        && registry.find(group, version, s[2]).filter(ResourceType::namespaced).isPresent()) {
      ns = s[1];
      i = 2;
    }
    if (s.length <= i || s.length > i + 3) {
      throw notFound();
    }
    ResourceType type = registry.find(group, version, s[i]).orElseThrow(Route::notFound);
    String name = s.length > i + 1 ? s[i + 1] : null;
    String sub = s.length > i + 2 ? s[i + 2] : null;
    if (type.namespaced() && ns == null && name != null) {
      throw notFound();
    }
    return new Route(type, ns, name, sub, watch);
  }

  static ApiError notFound() {
    return new ApiError(404, "NotFound", "the server could not find the requested resource");
  }
}
