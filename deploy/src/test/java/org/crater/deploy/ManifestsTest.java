package org.crater.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.deploy.Manifests.at;
import static org.crater.deploy.Manifests.kind;
import static org.crater.deploy.Manifests.map;
import static org.crater.deploy.Manifests.name;
import static org.crater.deploy.Manifests.namespace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest parses, names itself, and belongs to a kustomization that resolves. */
class ManifestsTest {

  /** Kinds that have no namespace. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "PriorityClass");

  private static final Set<String> NAMESPACES = Set.of("crater", "crater-jobs");

  static Stream<Path> yamlFiles() {
    return Manifests.yamlFiles().stream();
  }

  static Stream<Path> kustomizations() {
    return Manifests.kustomizationDirs().stream();
  }

  static Stream<Path> overlays() {
    return kustomizations().filter(d -> d.getParent().getFileName().toString().equals("overlays"));
  }

  @Test
  void theLayoutIsThere() {
    Path k = Manifests.kubernetesDir();
    assertThat(k.resolve("base/kustomization.yaml")).isRegularFile();
    assertThat(k.resolve("mysql/kustomization.yaml")).isRegularFile();
    assertThat(k.resolve("ingress/kustomization.yaml")).isRegularFile();
    assertThat(overlays().map(d -> d.getFileName().toString()))
        .contains("production", "external-db");
  }

  @ParameterizedTest
  @MethodSource("yamlFiles")
  void everyDocumentHasApiVersionKindAndName(Path file) {
    List<Map<String, Object>> docs = Manifests.documents(file);
    assertThat(docs).as("%s has documents", file).isNotEmpty();
    for (Map<String, Object> doc : docs) {
      assertThat(doc.get("apiVersion")).as("%s apiVersion", file).isInstanceOf(String.class);
      assertThat((String) doc.get("apiVersion")).as("%s apiVersion", file).matches("[a-z0-9./]+");
      assertThat(kind(doc)).as("%s kind", file).isNotBlank().matches("[A-Z][A-Za-z]+");
      if (file.getFileName().toString().equals(Manifests.KUSTOMIZATION)) {
        assertThat(kind(doc)).isEqualTo("Kustomization");
        continue;
      }
      assertThat(name(doc)).as("%s %s metadata.name", file, kind(doc)).isNotBlank();
      assertThat(name(doc))
          .as("%s name is DNS-1123", file)
          .matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
      if (CLUSTER_SCOPED.contains(kind(doc))) {
        assertThat(namespace(doc)).as("%s %s is cluster-scoped", file, name(doc)).isNull();
      } else {
        assertThat(namespace(doc)).as("%s %s namespace", file, name(doc)).isIn(NAMESPACES);
      }
      assertThat(map(at(doc, "metadata", "labels")))
          .as("%s %s labels", file, name(doc))
          .containsEntry("app.kubernetes.io/part-of", "crater");
    }
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void everyKustomizationResourceExists(Path dir) {
    for (Path resource : Manifests.resources(dir)) {
      assertThat(
              Files.isRegularFile(resource)
                  || Files.isRegularFile(resource.resolve("kustomization.yaml")))
          .as("%s lists %s", dir, resource)
          .isTrue();
    }
    assertThat(Manifests.rendered(dir)).as("%s renders documents", dir).isNotEmpty();
  }

  @Test
  void noManifestIsOrphaned() {
    Set<Path> listed = new HashSet<>();
    kustomizations().forEach(d -> listed.addAll(Manifests.resources(d)));
    for (Path file : Manifests.yamlFiles()) {
      if (!file.getFileName().toString().equals(Manifests.KUSTOMIZATION)) {
        assertThat(listed).as("%s is listed by a kustomization", file).contains(file);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void overlaysRenderEachObjectOnceInKnownNamespaces(Path overlay) {
    List<Map<String, Object>> docs = Manifests.rendered(overlay);
    Set<String> seen = new HashSet<>();
    for (Map<String, Object> doc : docs) {
      assertThat(seen.add(kind(doc) + "/" + namespace(doc) + "/" + name(doc)))
          .as("%s renders %s %s once", overlay, kind(doc), name(doc))
          .isTrue();
    }
    Set<String> namespaces = new HashSet<>();
    Manifests.ofKind(docs, "Namespace").forEach(ns -> namespaces.add(name(ns)));
    assertThat(namespaces).isEqualTo(NAMESPACES);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void overlaysHaveWhatTheBackendMounts(Path overlay) {
    List<Map<String, Object>> docs = Manifests.rendered(overlay);
    Map<String, Object> deployment = Manifests.find(docs, "Deployment", "crater-backend");
    Manifests.find(
        docs,
        "ServiceAccount",
        (String) at(deployment, "spec", "template", "spec", "serviceAccountName"));
    for (Map<String, Object> volume :
        Manifests.maps(at(deployment, "spec", "template", "spec", "volumes"))) {
      for (Map<String, Object> source : Manifests.maps(at(volume, "projected", "sources"))) {
        Map<String, Object> secretRef = map(source.get("secret"));
        Map<String, Object> secret = Manifests.find(docs, "Secret", (String) secretRef.get("name"));
        for (Map<String, Object> item : Manifests.maps(secretRef.get("items"))) {
          assertThat(map(secret.get("stringData")))
              .as("%s Secret %s has key %s", overlay, name(secret), item.get("key"))
              .containsKey((String) item.get("key"));
        }
      }
    }
    for (Map<String, Object> ref :
        Manifests.maps(at(deployment, "spec", "template", "spec", "containers"))) {
      for (Map<String, Object> from : Manifests.maps(ref.get("envFrom"))) {
        Manifests.find(docs, "ConfigMap", (String) map(from.get("configMapRef")).get("name"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void servicesSelectPods(Path overlay) {
    List<Map<String, Object>> docs = Manifests.rendered(overlay);
    for (Map<String, Object> service : Manifests.ofKind(docs, "Service")) {
      Map<String, Object> selector = map(at(service, "spec", "selector"));
      boolean matches =
          docs.stream()
              .filter(d -> Set.of("Deployment", "StatefulSet").contains(kind(d)))
              .map(d -> map(at(d, "spec", "template", "metadata", "labels")))
              .anyMatch(labels -> labels.entrySet().containsAll(selector.entrySet()));
      assertThat(matches).as("%s Service %s selects pods", overlay, name(service)).isTrue();
    }
  }
}
