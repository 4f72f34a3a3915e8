package org.crater.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.deploy.Manifests.at;
import static org.crater.deploy.Manifests.kind;
import static org.crater.deploy.Manifests.name;
import static org.crater.deploy.Manifests.namespace;
import static org.crater.deploy.Manifests.strings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Least privilege for the backend's ServiceAccount: explicit verbs per resource, subresources in
 * rules of their own, no wildcards, no Secrets, and exactly the grants the backend needs.
 */
class RbacTest {

  private static final Set<String> KNOWN_VERBS =
      Set.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");

  /** Never granted to the backend, in any namespace. */
  private static final Set<String> FORBIDDEN_RESOURCES =
      Set.of(
          "secrets",
          "pods/exec",
          "pods/attach",
          "pods/portforward",
          "pods/ephemeralcontainers",
          "nodes/proxy",
          "serviceaccounts/token",
          "roles",
          "rolebindings",
          "clusterroles",
          "clusterrolebindings");

  /** A rule of a Role or ClusterRole, with the namespace it applies to (null: cluster-wide). */
  record Grant(String role, String namespace, Map<String, Object> rule) {
    List<String> apiGroups() {
      return strings(rule.get("apiGroups"));
    }

    List<String> resources() {
      return strings(rule.get("resources"));
    }

    List<String> verbs() {
      return strings(rule.get("verbs"));
    }

    @Override
    public String toString() {
      return role + "@" + namespace + " " + rule;
    }
  }

  static Stream<Path> everyKustomization() {
    return Manifests.kustomizationDirs().stream();
  }

  static List<Grant> grants(Path dir) {
    List<Map<String, Object>> docs = Manifests.rendered(dir);
    List<Grant> grants = new ArrayList<>();
    for (Map<String, Object> role : docs) {
      if (Set.of("Role", "ClusterRole").contains(kind(role))) {
        assertThat(role.get("aggregationRule")).as("%s aggregates", name(role)).isNull();
        for (Map<String, Object> rule : Manifests.maps(role.get("rules"))) {
          grants.add(new Grant(name(role), namespace(role), rule));
        }
      }
    }
    return grants;
  }

  @ParameterizedTest
  @MethodSource("everyKustomization")
  void noWildcardsAnywhere(Path dir) {
    for (Grant g : grants(dir)) {
      for (String key : List.of("apiGroups", "resources", "verbs", "resourceNames")) {
        for (String value : strings(g.rule().get(key))) {
          assertThat(value).as("%s %s", g, key).doesNotContain("*");
        }
      }
      assertThat(g.rule()).as("%s", g).doesNotContainKey("nonResourceURLs");
      assertThat(g.apiGroups()).as("%s apiGroups", g).isNotEmpty();
      assertThat(g.resources()).as("%s resources", g).isNotEmpty();
      assertThat(g.verbs()).as("%s verbs", g).isNotEmpty().isSubsetOf(KNOWN_VERBS);
    }
  }

  @ParameterizedTest
  @MethodSource("everyKustomization")
  void subresourcesAreGrantedSeparately(Path dir) {
    for (Grant g : grants(dir)) {
      long subresources = g.resources().stream().filter(r -> r.contains("/")).count();
      assertThat(subresources == 0 || subresources == g.resources().size())
          .as("%s mixes resources and subresources", g)
          .isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("everyKustomization")
  void noSecretsNorDangerousSubresources(Path dir) {
    for (Grant g : grants(dir)) {
      assertThat(g.resources()).as("%s", g).doesNotContainAnyElementsOf(FORBIDDEN_RESOURCES);
      assertThat(g.verbs()).as("%s", g).doesNotContain("escalate", "bind", "impersonate");
    }
  }

  @ParameterizedTest
  @MethodSource("everyKustomization")
  void bindingsNameTheBackendAndExistingRoles(Path dir) {
    List<Map<String, Object>> docs = Manifests.rendered(dir);
    for (Map<String, Object> binding : docs) {
      if (!Set.of("RoleBinding", "ClusterRoleBinding").contains(kind(binding))) {
        continue;
      }
      String roleKind = (String) at(binding, "roleRef", "kind");
      Map<String, Object> role =
          Manifests.find(docs, roleKind, (String) at(binding, "roleRef", "name"));
      assertThat(namespace(role))
          .as("%s binds a role of its namespace", name(binding))
          .isEqualTo(namespace(binding));
      for (Map<String, Object> subject : Manifests.maps(binding.get("subjects"))) {
        assertThat(subject)
            .containsEntry("kind", "ServiceAccount")
            .containsEntry("name", "crater-backend");
        assertThat(subject).containsEntry("namespace", "crater");
      }
    }
  }

  /** What the backend does in the cluster (crater-k8s), as namespace | group | resource | verbs. */
  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "crater-jobs | ''                    | pods                   | create get list watch delete deletecollection",
        "crater-jobs | ''                    | pods/log               | get",
        "crater-jobs | ''                    | pods/status            | get",
        "crater-jobs | ''                    | services               | create get list watch delete",
        "crater-jobs | networking.k8s.io     | ingresses              | create get list watch delete",
        "crater-jobs | ''                    | events                 | get list watch create",
        "crater-jobs | ''                    | persistentvolumeclaims | get list watch",
        "crater-jobs | batch.volcano.sh      | jobs                   | create get list watch delete",
        "crater-jobs | batch.volcano.sh      | jobs/status            | get",
        "crater-jobs | scheduling.volcano.sh | podgroups              | get list watch",
        "crater      | coordination.k8s.io   | leases                 | get create update",
        "''          | ''                    | nodes                  | get list watch",
        "''          | ''                    | pods                   | get list watch",
        "''          | scheduling.volcano.sh | queues                 | get list watch create update",
        "''          | scheduling.k8s.io     | priorityclasses        | get list watch",
      })
  void theBaseGrantsExactlyWhatTheBackendNeeds(
      String ns, String group, String resource, String verbs) {
    String namespace = ns.isEmpty() ? null : ns;
    List<Grant> matching =
        grants(Manifests.kubernetesDir().resolve("base")).stream()
            .filter(g -> Objects.equals(g.namespace(), namespace))
            .filter(g -> g.apiGroups().contains(group) && g.resources().contains(resource))
            .toList();
    assertThat(matching).as("rules for %s %s in %s", group, resource, ns).isNotEmpty();
    assertThat(matching.stream().flatMap(g -> g.verbs().stream()))
        .containsExactlyInAnyOrder(verbs.split(" "));
  }

  @Test
  void theLeaseGrantNamesTheConfiguredLease() {
    Path base = Manifests.kubernetesDir().resolve("base");
    Map<String, Object> config =
        Manifests.find(Manifests.rendered(base), "ConfigMap", "crater-config");
    String lease = (String) Manifests.map(config.get("data")).get("CRATER_K8S_LEASE_NAME");
    assertThat(Manifests.map(config.get("data")))
        .containsEntry("CRATER_K8S_LEASE_NAMESPACE", "crater");
    for (Grant g : grants(base)) {
      if (g.resources().contains("leases") && !g.verbs().equals(List.of("create"))) {
        assertThat(strings(g.rule().get("resourceNames"))).containsExactly(lease);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("everyKustomization")
  void nothingBeyondTheNeededResources(Path dir) {
    Set<String> needed =
        Set.of(
            "pods",
            "pods/log",
            "pods/status",
            "services",
            "ingresses",
            "events",
            "persistentvolumeclaims",
            "jobs",
            "jobs/status",
            "podgroups",
            "leases",
            "nodes",
            "queues",
            "priorityclasses");
    for (Grant g : grants(dir)) {
      assertThat(g.resources()).as("%s", g).isSubsetOf(needed);
    }
  }
}
