package org.crater.sim.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resources the simulator serves, looked up by group/version/plural. */
public final class ResourceRegistry {
  public static final ResourceType NAMESPACES = core("namespaces", "Namespace", false, true);
  public static final ResourceType NODES = core("nodes", "Node", false, true);
  public static final ResourceType PODS = core("pods", "Pod", true, true);
  public static final ResourceType SERVICES = core("services", "Service", true, true);
  public static final ResourceType EVENTS = core("events", "Event", true, false);
  public static final ResourceType PVCS =
      core("persistentvolumeclaims", "PersistentVolumeClaim", true, true);
  public static final ResourceType CONFIGMAPS = core("configmaps", "ConfigMap", true, false);
  public static final ResourceType SECRETS = core("secrets", "Secret", true, false);
  public static final ResourceType PRIORITY_CLASSES =
      type("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, false);
  public static final ResourceType LEASES =
      type("coordination.k8s.io", "v1", "leases", "Lease", true, false);
  public static final ResourceType INGRESSES =
      type("networking.k8s.io", "v1", "ingresses", "Ingress", true, true);
  public static final ResourceType K8S_EVENTS =
      type("events.k8s.io", "v1", "events", "Event", true, false);
  public static final ResourceType VC_JOBS =
      type("batch.volcano.sh", "v1alpha1", "jobs", "Job", true, true);
  public static final ResourceType POD_GROUPS =
      type("scheduling.volcano.sh", "v1beta1", "podgroups", "PodGroup", true, true);
  public static final ResourceType QUEUES =
      type("scheduling.volcano.sh", "v1beta1", "queues", "Queue", false, true);

  private final Map<String, ResourceType> byPath = new LinkedHashMap<>();

  public ResourceRegistry() {
    for (ResourceType t :
        List.of(
            NAMESPACES,
            NODES,
            PODS,
            SERVICES,
            EVENTS,
            PVCS,
            CONFIGMAPS,
            SECRETS,
            PRIORITY_CLASSES,
            LEASES,
            INGRESSES,
            K8S_EVENTS,
            VC_JOBS,
            POD_GROUPS,
            QUEUES)) {
      byPath.put(pathKey(t.group(), t.version(), t.plural()), t);
    }
  }

  private static ResourceType core(String plural, String kind, boolean ns, boolean status) {
    return type("", "v1", plural, kind, ns, status);
  }

  private static ResourceType type(
      String group, String version, String plural, String kind, boolean ns, boolean status) {
    return new ResourceType(group, version, plural, kind, ns, status, List.of());
  }

  private static String pathKey(String group, String version, String plural) {
    return group + "/" + version + "/" + plural;
  }

  public Optional<ResourceType> find(String group, String version, String plural) {
    return Optional.ofNullable(byPath.get(pathKey(group, version, plural)));
  }

  public Collection<ResourceType> all() {
    return byPath.values();
  }

  /** The served group/versions, core ({@code ""/v1}) first. */
  public List<String[]> groupVersions() {
    List<String[]> result = new ArrayList<>();
    for (ResourceType t : byPath.values()) {
      if (result.stream().noneMatch(gv -> gv[0].equals(t.group()) && gv[1].equals(t.version()))) {
        result.add(new String[] {t.group(), t.version()});
      }
    }
    return result;
  }
}
