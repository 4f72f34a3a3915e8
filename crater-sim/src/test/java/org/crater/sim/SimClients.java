package org.crater.sim;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.time.Duration;

/** client-java clients for a simulated cluster, with no read timeout so watches can idle. */
public final class SimClients {
  private SimClients() {}

  public static ApiClient client(SimCluster cluster) {
    ApiClient client = new ClientBuilder().setBasePath(cluster.url()).build();
    client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build());
    return client;
  }
}
