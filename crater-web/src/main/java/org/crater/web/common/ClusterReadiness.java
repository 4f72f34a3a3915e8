package org.crater.web.common;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.crater.ejb.node.Cluster;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the cluster view has loaded, or when no cluster is configured at all (then the cluster
 * routes answer 503 and the rest of Crater works). Shows whether this replica leads. Not ready, and
 * no stack trace in the log, while the EJB container is still starting (a probe may come before the
 * deployment has finished).
 */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {

  @Inject private Cluster cluster;

  @Override
  public HealthCheckResponse call() {
    try {
      return status();
    } catch (EJBException starting) {
      return HealthCheckResponse.named("cluster").down().withData("cluster", "starting").build();
    }
  }

  private HealthCheckResponse status() {
    boolean configured = cluster.configured();
    return HealthCheckResponse.named("cluster")
        .status(!configured || cluster.synced())
        .withData("cluster", cluster.describe())
        .withData("synced", cluster.synced())
        .withData("leader", cluster.isLeader())
        .build();
  }
}
