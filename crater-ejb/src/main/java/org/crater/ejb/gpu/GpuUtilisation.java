package org.crater.ejb.gpu;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;

/**
 * The mean GPU utilisation of the jobs' pods. Without a configured source of GPU utilisation {@link
 * #configured()} is false and idle reclamation is off; nothing else depends on it.
 */
@ApplicationScoped
public class GpuUtilisation {

  /** Whether a source of GPU utilisation is configured. */
  public boolean configured() {
    return false;
  }

  /**
   * The mean GPU utilisation in percent over the last {@code window} of every pod the source has
   * data for.
   *
   * @throws GpuUtilisationUnavailableException when the source does not answer
   */
  public Map<PodRef, Double> meanPercent(Duration window) {
    throw new GpuUtilisationUnavailableException(
        "no source of GPU utilisation is configured", null);
  }
}
