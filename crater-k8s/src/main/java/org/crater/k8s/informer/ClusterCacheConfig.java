package org.crater.k8s.informer;

import java.util.Objects;

/**
 * What the {@link ClusterCache} watches.
 *
 * @param jobNamespace namespace of Crater's Volcano jobs (and of its pods when {@code allPods} is
 *     off)
 * @param volcano watch {@code batch.volcano.sh/v1alpha1} jobs
 * @param allPods watch every pod of every namespace (needed for allocated capacity in the node
 *     inventory); when off, only Crater's pods in {@code jobNamespace}
 * @param nodes watch nodes (needed for the node inventory)
 */
public record ClusterCacheConfig(
    String jobNamespace, boolean volcano, boolean allPods, boolean nodes) {

  /** Requires a namespace. */
  public ClusterCacheConfig {
    Objects.requireNonNull(jobNamespace, "jobNamespace");
  }

  /** Everything: Volcano jobs, all pods and nodes. */
  public static ClusterCacheConfig full(String jobNamespace) {
    return new ClusterCacheConfig(jobNamespace, true, true, true);
  }
}
