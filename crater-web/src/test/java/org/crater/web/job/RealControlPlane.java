package org.crater.web.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.crater.web.Api;

/**
 * The test bed started by {@code bin/kube-up} (testbed/README.md): a real kube-apiserver, etcd,
 * controller manager and scheduler with kwok GPU nodes. Crater reaches it with its own
 * ServiceAccount's kubeconfig; the tests look at objects as the bed's administrator through its
 * {@code kubectl}, and make nodes fall silent with {@code bin/kube-node-down}.
 */
final class RealControlPlane {

  static final String NAMESPACE = "crater-jobs";

  private final Path root;

  private RealControlPlane(Path root) {
    this.root = root;
  }

  /** The bed of this checkout; fails when it is not up. */
  static RealControlPlane ofCheckout() {
    Path root = Path.of(System.getProperty("crater.it.root")).toAbsolutePath().normalize();
    RealControlPlane bed = new RealControlPlane(root);
    if (!Files.isRegularFile(bed.crater()) || bed.kubectl("get", "--raw", "/readyz").isEmpty()) {
      throw new IllegalStateException("the test bed is not up: run bin/kube-up first");
    }
    return bed;
  }

  /** Crater's ServiceAccount kubeconfig (not an administrator's). */
  Path crater() {
    return root.resolve("run/kube/crater-kubeconfig.yaml");
  }

  /**
   * The environment of a Crater process on this bed: its ServiceAccount, jobs in {@code
   * crater-jobs}, the Lease in {@code crater} (the only namespace where it is granted), and no
   * simulated cluster URL.
   */
  Map<String, String> craterEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("CRATER_K8S_URL", null);
    env.put("CRATER_K8S_KUBECONFIG", crater().toString());
    env.put("CRATER_K8S_NAMESPACE", NAMESPACE);
    env.put("CRATER_K8S_LEASE_NAMESPACE", "crater");
    return env;
  }

  /** The object as the administrator sees it, or empty when it does not exist. */
  Optional<JsonNode> get(String kind, String name) {
    return kubectl("-n", NAMESPACE, "get", kind, name, "-o", "json", "--ignore-not-found")
        .filter(out -> !out.isBlank())
        .map(RealControlPlane::json);
  }

  /** Makes a node's kwok fall silent (its lease stops) until {@link #nodeUp}. */
  void nodeDown(String node) {
    run(List.of(root.resolve("bin/kube-node-down").toString(), node)).orElseThrow();
  }

  /** Lets a silent node report again. */
  void nodeUp(String node) {
    run(List.of(root.resolve("bin/kube-node-up").toString(), node)).orElseThrow();
  }

  /** Runs the bed's kubectl as administrator; the output, or empty when it failed. */
  Optional<String> kubectl(String... args) {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("testbed/bin/kubectl").toString());
    command.add("--kubeconfig=" + root.resolve("run/kube/admin-kubeconfig.yaml"));
    command.addAll(List.of(args));
    return run(command);
  }

  private static Optional<String> run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static JsonNode json(String text) {
    try {
      return Api.JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("kubectl printed no JSON: " + text, e);
    }
  }
}
