package org.crater.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a kubeconfig that points at the simulator with a static token user. */
final class Kubeconfig {
  static final String NAME = "crater-sim";
  static final String TOKEN = "crater-sim-token";

  private Kubeconfig() {}

  static void write(Path path, String url) throws IOException {
    String yaml =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: " + NAME,
            "  cluster:",
            "    server: " + url,
            "contexts:",
            "- name: " + NAME,
            "  context:",
            "    cluster: " + NAME,
            "    user: " + NAME,
            "    namespace: default",
            "current-context: " + NAME,
            "preferences: {}",
            "users:",
            "- name: " + NAME,
            "  user:",
            "    token: " + TOKEN,
            "");
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(path, yaml, StandardCharsets.UTF_8);
  }
}
