package org.crater.k8s.gateway;

import java.util.Objects;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * The attempt of a job that should exist in the cluster, as the backend's database says.
 *
 * @param spec the attempt's spec
 * @param create true to create it when missing (admitted, not finished); false to leave an existing
 *     attempt alone without ever re-creating it (e.g. finished, kept for its logs)
 */
public record DesiredAttempt(WorkloadSpec spec, boolean create) {

  /** Requires a spec. */
  public DesiredAttempt {
    Objects.requireNonNull(spec, "spec");
  }
}
