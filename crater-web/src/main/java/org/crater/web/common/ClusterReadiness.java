package org.crater.web.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.crater.ejb.node.Cluster;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the cluster view has loaded, or when no cluster is configured at all (then the cluster
 * routes answer 503 and the rest of Crater works). Shows whether this replica leads.
 */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {

  @Inject private Cluster cluster;

  @Override
  public HealthCheckResponse call() {
    boolean configured = cluster.configured();
    return HealthCheckResponse.named("cluster")
        .status(!configured || cluster.synced())
        .withData("cluster", cluster.describe())
        .withData("synced", cluster.synced())
        .withData("leader", cluster.isLeader())
        .build();
  }
}
