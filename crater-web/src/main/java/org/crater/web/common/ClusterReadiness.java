package org.crater.web.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.crater.ejb.node.Cluster;
import org.crater.ejb.node.ClusterStarted;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the cluster view has loaded, or when no cluster is configured at all (then the cluster
 * routes answer 503 and the rest of Crater works). Shows whether this replica leads. Until {@link
 * ClusterStarted} it answers "starting" without calling {@link Cluster}: a probe may come while the
 * deployment is still starting its singletons.
 */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {

  @Inject private Cluster cluster;

  private volatile boolean started;

  void onStarted(@Observes ClusterStarted event) {
    started = true;
  }

  @Override
  public HealthCheckResponse call() {
    if (!started) {
      return HealthCheckResponse.named("cluster").down().withData("cluster", "starting").build();
    }
    boolean configured = cluster.configured();
    return HealthCheckResponse.named("cluster")
        .status(!configured || cluster.synced())
        .withData("cluster", cluster.describe())
        .withData("synced", cluster.synced())
        .withData("leader", cluster.isLeader())
        .build();
  }
}
