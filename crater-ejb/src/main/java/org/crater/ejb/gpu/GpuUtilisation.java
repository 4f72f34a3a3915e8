package org.crater.ejb.gpu;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;

/**
 * GPU utilisation per pod, read from where clusters have it: dcgm-exporter's metrics in Prometheus,
 * over Prometheus' HTTP API ({@link GpuUtilisationSettings}). Without a Prometheus URL it is not
 * {@link #configured()}, and whatever depends on utilisation (idle reclamation) is off. Its
 * settings are read at deployment: invalid ones stop it with a message naming them, and the log
 * says where utilisation comes from (or that it comes from nowhere).
 */
@ApplicationScoped
public class GpuUtilisation {
  private static final Logger LOG = Logger.getLogger(GpuUtilisation.class.getName());

  @Inject GpuUtilisationSettings settings;

  private PrometheusClient client;

  /** For CDI. */
  public GpuUtilisation() {}

  /** Reads from {@code source} (null: not configured), for tests without a container. */
  GpuUtilisation(PrometheusSource source) {
    this.client = source == null ? null : new PrometheusClient(source);
  }

  @PostConstruct
  void init() {
    PrometheusSource source = settings.source().orElse(null);
    client = source == null ? null : new PrometheusClient(source);
    LOG.info(
        () ->
            source == null
                ? "GPU utilisation: no Prometheus configured (CRATER_PROMETHEUS_URL);"
                    + " idle reclamation is off"
                : "GPU utilisation from " + source);
  }

  /** Reads the settings at deployment rather than at the first question. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    configured();
  }

  /** Whether a Prometheus is configured to read utilisation from. */
  public boolean configured() {
    return client != null;
  }

  /**
   * The mean GPU utilisation in percent over the last {@code window} of every pod Prometheus has
   * data for (pods it has none for are absent: absent is not idle).
   *
   * @throws GpuUtilisationUnavailableException when no Prometheus is configured, it does not answer
   *     in time, or its answer is not a usable instant vector
   * @throws IllegalArgumentException when the window is not positive
   */
  public Map<PodRef, Double> meanPercent(Duration window) {
    if (client == null) {
      throw new GpuUtilisationUnavailableException(
          "no Prometheus is configured (CRATER_PROMETHEUS_URL): GPU utilisation is unknown");
    }
    return client.meanPercent(window);
  }
}
