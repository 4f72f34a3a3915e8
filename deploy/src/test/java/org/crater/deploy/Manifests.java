package org.crater.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the Kubernetes manifests under {@code deploy/kubernetes} offline: every YAML document, and
 * the documents a kustomization renders (its {@code resources}, followed recursively). Patches and
 * image overrides are not applied; the checks that use rendered documents do not depend on them.
 */
final class Manifests {

  static final String KUSTOMIZATION = "kustomization.yaml";

  private Manifests() {}

  /** The deploy/ directory (the module's base directory). */
  static Path deployDir() {
    return Path.of(System.getProperty("crater.deploy.dir", ".")).toAbsolutePath().normalize();
  }

  /** The repository root. */
  static Path repoDir() {
    return Path.of(System.getProperty("crater.repo.dir", "..")).toAbsolutePath().normalize();
  }

  static Path kubernetesDir() {
    return deployDir().resolve("kubernetes");
  }

  /** Every .yaml/.yml file under deploy/kubernetes, sorted. */
  static List<Path> yamlFiles() {
    try (Stream<Path> files = Files.walk(kubernetesDir())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every directory under deploy/kubernetes that holds a kustomization.yaml. */
  static List<Path> kustomizationDirs() {
    return yamlFiles().stream()
        .filter(p -> p.getFileName().toString().equals(KUSTOMIZATION))
        .map(Path::getParent)
        .toList();
  }

  /** The documents of one file, empty documents left out. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> documents(Path file) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> docs = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object doc : yaml.loadAll(reader)) {
        if (doc != null) {
          if (!(doc instanceof Map)) {
            throw new IllegalStateException(file + ": a document is not a mapping");
          }
          docs.add((Map<String, Object>) doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  /** The kustomization of a directory. */
  static Map<String, Object> kustomization(Path dir) {
    List<Map<String, Object>> docs = documents(dir.resolve(KUSTOMIZATION));
    if (docs.size() != 1) {
      throw new IllegalStateException(dir + ": one kustomization document expected");
    }
    return docs.get(0);
  }

  /** The resource paths a kustomization lists, resolved against its directory. */
  static List<Path> resources(Path dir) {
    return strings(kustomization(dir).get("resources")).stream()
        .map(r -> dir.resolve(r).normalize())
        .toList();
  }

  /** The files a kustomization renders, following directories recursively. */
  static Set<Path> renderedFiles(Path dir) {
    Set<Path> files = new LinkedHashSet<>();
    for (Path resource : resources(dir)) {
      if (Files.isDirectory(resource)) {
        files.addAll(renderedFiles(resource));
      } else {
        files.add(resource);
      }
    }
    return files;
  }

  /** The documents a kustomization renders (before patches). */
  static List<Map<String, Object>> rendered(Path dir) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Path file : renderedFiles(dir)) {
      docs.addAll(documents(file));
    }
    return docs;
  }

  static String kind(Map<String, Object> doc) {
    return (String) doc.get("kind");
  }

  static String name(Map<String, Object> doc) {
    return (String) map(doc.get("metadata")).get("name");
  }

  static String namespace(Map<String, Object> doc) {
    return (String) map(doc.get("metadata")).get("namespace");
  }

  /** The single document of a kind and name among {@code docs}. */
  static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
    List<Map<String, Object>> found =
        docs.stream().filter(d -> kind.equals(kind(d)) && name.equals(name(d))).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + " " + name + ", found " + found.size());
    }
    return found.get(0);
  }

  static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(kind(d))).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object o) {
    return o == null ? List.of() : (List<Map<String, Object>>) o;
  }

  /** A list of scalars as strings (YAML may read some as numbers or booleans). */
  static List<String> strings(Object o) {
    if (o == null) {
      return List.of();
    }
    return ((List<?>) o).stream().map(v -> Objects.toString(v, null)).toList();
  }

  /** Follows a path of mapping keys; null when any step is missing. */
  static Object at(Map<String, Object> doc, String... keys) {
    Object current = doc;
    for (String key : keys) {
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<?, ?>) current).get(key);
    }
    return current;
  }
}
