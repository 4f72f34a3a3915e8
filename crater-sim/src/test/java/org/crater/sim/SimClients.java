package org.crater.sim;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.time.Duration;

/** client-java clients for a simulated cluster, with no read timeout so watches can idle. */
public final class SimClients {
  private SimClients() {}

  /** A one-node cluster with no actors: only the API server answers, for API-semantics tests. */
  public static SimCluster apiServerOnly() {
    return SimCluster.start(
        SimConfig.builder().nodes(1).scheduler(false).kubelet(false).volcano(false).build());
  }

  public static ApiClient client(SimCluster cluster) {
    ApiClient client = new ClientBuilder().setBasePath(cluster.url()).build();
    client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build());
    return client;
  }
}
