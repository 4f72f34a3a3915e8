package org.crater.ejb.gpu;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where GPU utilisation comes from: {@code crater.prometheus.url} (unset: nowhere, idle reclamation
 * is off), its {@code timeout} and {@code connect-timeout}, and its credentials ({@code token}, or
 * {@code username} and {@code password}); the PromQL template {@code crater.gpu.utilisation.query}
 * and the labels that name a series' pod ({@code namespace-label}, {@code pod-label}).
 */
@ApplicationScoped
public class GpuUtilisationSettings {

  /** dcgm-exporter's utilisation per GPU, averaged over the window and then over a pod's GPUs. */
  public static final String DEFAULT_QUERY =
      "avg by (namespace, pod) (avg_over_time(DCGM_FI_DEV_GPU_UTIL{pod!=\"\"}[{window}]))";

  @Inject
  @ConfigProperty(name = "crater.prometheus.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "crater.prometheus.timeout", defaultValue = "PT10S")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "crater.prometheus.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "crater.prometheus.token")
  Optional<String> token;

  @Inject
  @ConfigProperty(name = "crater.prometheus.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "crater.prometheus.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "crater.gpu.utilisation.query", defaultValue = DEFAULT_QUERY)
  String query;

  @Inject
  @ConfigProperty(name = "crater.gpu.utilisation.namespace-label", defaultValue = "namespace")
  String namespaceLabel;

  @Inject
  @ConfigProperty(name = "crater.gpu.utilisation.pod-label", defaultValue = "pod")
  String podLabel;

  /**
   * The configured Prometheus, or empty when {@code crater.prometheus.url} is not set.
   *
   * @throws IllegalStateException naming the settings when they are not valid
   */
  public Optional<PrometheusSource> source() {
    if (url.isEmpty() || url.get().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new PrometheusSource(
              new URI(url.get().trim()),
              query,
              namespaceLabel.trim(),
              podLabel.trim(),
              connectTimeout,
              timeout,
              PrometheusSource.authorization(token, username, password)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "crater.prometheus / crater.gpu.utilisation settings (CRATER_PROMETHEUS_*,"
              + " CRATER_GPU_UTILISATION_*): "
              + (e instanceof URISyntaxException ? "the URL is not a URL" : e.getMessage()));
    }
  }
}
