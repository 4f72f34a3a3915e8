package org.crater.k8s.support;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.SchedulingV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PriorityClass;
import java.time.Clock;
import java.time.Duration;
import org.crater.k8s.common.KubeConnection;
import org.crater.k8s.common.Threads;
import org.crater.k8s.gateway.ClusterGateway;
import org.crater.k8s.informer.ClusterCache;
import org.crater.k8s.informer.ClusterCacheConfig;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;

/**
 * One simulated cluster with the adapter wired to it over HTTP through the kubeconfig the simulator
 * writes, the way the backend is wired in production. One per IT class.
 */
public final class SimHarness implements AutoCloseable {

  public static final String NAMESPACE = "crater-jobs";

  private final SimCluster sim;
  private final ApiClient client;
  private final ApiClient watchClient;
  private final ClusterCache cache;
  private final ClusterGateway gateway;

  private SimHarness(SimCluster sim) throws InterruptedException {
    this.sim = sim;
    KubeConnection connection = KubeConnection.fromKubeconfig(sim.kubeconfigPath());
    this.client = connection.requests();
    this.watchClient = connection.watches();
    this.cache =
        new ClusterCache(
            watchClient,
            ClusterCacheConfig.full(NAMESPACE),
            Threads.daemon("it-informer"),
            Clock.systemUTC());
    this.gateway =
        new ClusterGateway(
            client,
            watchClient,
            WorkloadSettings.defaults("it-secret").withNamespace(NAMESPACE),
            cache,
            Clock.systemUTC());
  }

  /** Starts a simulator from {@code config} (the jobs namespace is added) and syncs the caches. */
  public static SimHarness start(SimConfig.Builder config) throws InterruptedException {
    SimCluster sim = SimCluster.start(config.namespace(NAMESPACE).build());
    SimHarness h = new SimHarness(sim);
    h.cache.start();
    if (!h.cache.awaitSynced(Duration.ofSeconds(30))) {
      h.close();
      throw new IllegalStateException("caches did not sync");
    }
    return h;
  }

  public SimCluster sim() {
    return sim;
  }

  public ApiClient client() {
    return client;
  }

  public ApiClient watchClient() {
    return watchClient;
  }

  public ClusterCache cache() {
    return cache;
  }

  public ClusterGateway gateway() {
    return gateway;
  }

  /** Creates Crater's two priority classes (guaranteed 1000, best effort 0) if missing. */
  public void createPriorityClasses() throws ApiException {
    SchedulingV1Api api = new SchedulingV1Api(client);
    for (String[] pc :
        new String[][] {{"crater-guaranteed", "1000"}, {"crater-best-effort", "0"}}) {
      try {
        api.createPriorityClass(
                new V1PriorityClass()
                    .apiVersion("scheduling.k8s.io/v1")
                    .kind("PriorityClass")
                    .metadata(new V1ObjectMeta().name(pc[0]))
                    .value(Integer.parseInt(pc[1])))
            .execute();
      } catch (ApiException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
  }

  @Override
  public void close() {
    cache.close();
    sim.close();
  }
}
