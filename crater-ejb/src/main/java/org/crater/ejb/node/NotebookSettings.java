package org.crater.ejb.node;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.crater.k8s.workload.NotebookIngress;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How notebooks are published ({@code crater.notebooks.*}): with {@code ingress.enabled}, every
 * running Jupyter job gets an Ingress of {@code ingress.class} routing {@code
 * <ingress.path-prefix>crater-<id>-<n>/} on {@code ingress.host} (TLS with {@code
 * ingress.tls-secret}) to its notebook, and users see {@code public-url} (default {@code
 * http(s)://<host>}) followed by that path and the token. Invalid settings stop the deployment with
 * a message naming the setting.
 */
@ApplicationScoped
public class NotebookSettings {

  private static final Logger LOG = Logger.getLogger(NotebookSettings.class.getName());

  @Inject
  @ConfigProperty(name = "crater.notebooks.ingress.enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "crater.notebooks.ingress.class")
  Optional<String> className;

  @Inject
  @ConfigProperty(name = "crater.notebooks.ingress.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "crater.notebooks.ingress.path-prefix", defaultValue = "/jupyter/")
  String pathPrefix;

  @Inject
  @ConfigProperty(name = "crater.notebooks.ingress.tls-secret")
  Optional<String> tlsSecret;

  @Inject
  @ConfigProperty(name = "crater.notebooks.ingress.annotations")
  Optional<String> annotations;

  @Inject
  @ConfigProperty(name = "crater.notebooks.public-url")
  Optional<String> publicUrl;

  private NotebookIngress ingress;

  @PostConstruct
  void init() {
    try {
      ingress =
          new NotebookIngress(
              enabled,
              className.orElse(null),
              host.orElse(null),
              pathPrefix,
              tlsSecret.orElse(null),
              publicUrl.orElse(null),
              pairs(annotations.orElse("")));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "crater.notebooks settings (CRATER_NOTEBOOKS_*): " + e.getMessage(), e);
    }
    LOG.info(
        () ->
            "notebook settings ingress="
                + ingress.enabled()
                + (ingress.enabled()
                    ? " class=" + ingress.className() + " publicUrl=" + ingress.publicUrl()
                    : ""));
  }

  /** The Ingress settings the cluster adapter builds notebook objects with. */
  public NotebookIngress ingress() {
    return ingress;
  }

  /** {@code key=value} pairs separated by commas; blanks ignored, a pair without a key refused. */
  static Map<String, String> pairs(String list) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : list.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("ingress annotations must be key=value pairs: " + pair);
      }
      pairs.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return pairs;
  }
}
