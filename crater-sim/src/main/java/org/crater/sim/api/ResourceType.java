package org.crater.sim.api;

import java.util.List;

/**
 * One served resource: its group/version/plural, kind, scope, whether it has a status subresource
 * and the verbs discovery advertises.
 */
public record ResourceType(
    String group,
    String version,
    String plural,
    String kind,
    boolean namespaced,
    boolean statusSubresource,
    List<String> shortNames) {

  static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** The apiVersion field of this resource's objects, {@code v1} for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * The plural qualified with its group, as error messages name it ({@code jobs.batch.volcano.sh}).
   */
  public String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  public String singular() {
    return kind.toLowerCase(java.util.Locale.ROOT);
  }

  /** The store key of an object: {@code ns/name}, or {@code name} for cluster-scoped resources. */
  public String key(String namespace, String name) {
    return namespaced ? namespace + "/" + name : name;
  }
}
