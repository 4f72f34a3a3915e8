package org.crater.sim;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.crater.sim.actor.KubeletSim;
import org.crater.sim.actor.NodeLifecycleSim;
import org.crater.sim.actor.NodePool;
import org.crater.sim.actor.NodeSim;
import org.crater.sim.actor.SchedulerSim;
import org.crater.sim.actor.VolcanoJobController;
import org.crater.sim.api.AdmissionPolicies;
import org.crater.sim.api.ApiServer;
import org.crater.sim.api.Json;
import org.crater.sim.api.LogStore;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.Store;
import org.crater.sim.metrics.DcgmExporter;

/**
 * A running simulated GPU cluster: the API server on 127.0.0.1 plus its actors. Start one per test
 * class with {@link #start(SimConfig)}, point client-java at {@link #url()} or {@link
 * #kubeconfigPath()}, {@link #reset()} between tests and {@link #close()} at the end.
 */
public final class SimCluster implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SimCluster.class.getName());
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final SimConfig config;
  private final Store store;
  private final LogStore logs = new LogStore();
  private final ApiServer server;
  private final NodeSim nodes;
  private final List<AutoCloseable> actors = new ArrayList<>();
  private final Path kubeconfig;
  private final boolean temporaryKubeconfig;
  private final long startedMs;
  private SchedulerSim scheduler;
  private KubeletSim kubelet;
  private NodeLifecycleSim nodeLifecycle;

  private SimCluster(SimConfig config) throws IOException {
    long t0 = System.nanoTime();
    this.config = config;
    this.store = new Store(new ResourceRegistry(), config.historySize());
    this.server = new ApiServer(store, logs, config.port(), config.bookmarkIntervalMs());
    this.nodes = new NodeSim(store, config.nodePools(), config.podsPerNode());
    DcgmExporter gpuMetrics = new DcgmExporter(store, config.gpuUtilPercent());
    server.addTextPage("/metrics", PROMETHEUS_TEXT, gpuMetrics::scrape);
    seed();
    startActors();
    server.start();
    this.temporaryKubeconfig = config.kubeconfigPath() == null;
    this.kubeconfig =
        temporaryKubeconfig
            ? Files.createTempFile("crater-sim-", ".kubeconfig")
            : config.kubeconfigPath();
    Kubeconfig.write(kubeconfig, server.url());
    this.startedMs = (System.nanoTime() - t0) / 1_000_000;
    LOG.fine(
        "started crater-sim url="
            + server.url()
            + " nodes="
            + config.nodeCount()
            + " startedMs="
            + startedMs);
  }

  /** Starts a cluster; port 0 picks a free port. */
  public static SimCluster start(SimConfig config) {
    try {
      return new SimCluster(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void seed() {
    for (String ns : config.namespaces()) {
      JsonObject namespace = new JsonObject();
      JsonObject meta = new JsonObject();
      meta.addProperty("name", ns);
      namespace.add("metadata", meta);
      store.create(ResourceRegistry.NAMESPACES, null, namespace);
    }
    nodes.createNodes();
    if (config.volcano()) {
      // Volcano installs a default queue; jobs without spec.queue go there.
      store.create(
          ResourceRegistry.QUEUES,
          null,
          Json.parse(
              "{\"metadata\":{\"name\":\"default\"},\"spec\":{\"weight\":1,"
                  + "\"reclaimable\":true},\"status\":{\"state\":\"Open\"}}"));
    }
  }

  private void startActors() {
    if (config.kubelet()) {
      kubelet =
          new KubeletSim(store, logs, config.runMs(), config.exitCode(), config.startDelayMs());
      kubelet.start();
      actors.add(kubelet);
      nodeLifecycle =
          new NodeLifecycleSim(store, config.nodeGraceMs(), config.defaultTolerationSeconds());
      nodeLifecycle.start();
      actors.add(nodeLifecycle);
    }
    if (config.volcano()) {
      VolcanoJobController volcano = new VolcanoJobController(store);
      volcano.start();
      actors.add(volcano);
    }
    if (config.scheduler()) {
      scheduler = new SchedulerSim(store);
      scheduler.start();
      actors.add(scheduler);
    }
  }

  /**
   * Where the GPU metrics are served in dcgm-exporter's format, e.g. {@code
   * http://127.0.0.1:41234/metrics}.
   */
  public String metricsUrl() {
    return server.url() + "/metrics";
  }

  /** The API server's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  /** The kubeconfig written for this cluster (server URL plus a token user). */
  public Path kubeconfigPath() {
    return kubeconfig;
  }

  public SimConfig config() {
    return config;
  }

  /** How long {@link #start} took, in milliseconds. */
  public long startedMs() {
    return startedMs;
  }

  /** The object store, for assertions and for seeding objects without HTTP. */
  public Store store() {
    return store;
  }

  /** Pod log lines, as served by {@code pods/{name}/log}. */
  public LogStore logs() {
    return logs;
  }

  /** How many pods the scheduler has bound since start. */
  public long binds() {
    return scheduler == null ? 0 : scheduler.binds();
  }

  /**
   * Marks a node Ready or NotReady. A NotReady node's kubelet reports nothing more; the node is
   * tainted {@code node.kubernetes.io/not-ready:NoExecute} (after the configured grace period) and
   * its pods are evicted as their tolerations run out, as kube-controller-manager does.
   */
  public void setNodeReady(String node, boolean ready) {
    nodes.setReady(node, ready);
  }

  /** Adds nodes while running (numbered after the existing nodes of the model); their names. */
  public List<String> addNodes(NodePool pool) {
    return nodes.addNodes(pool);
  }

  /** Deletes a node; its pods are deleted as the pod garbage collector would. */
  public void deleteNode(String node) {
    store.delete(ResourceRegistry.NODES, null, node, false);
  }

  /**
   * Ends every running pod of the namespace at once with {@code exitCode} (a burst of pod-status
   * changes for load tests); how many it ended. Zero without a kubelet.
   */
  public int finishRunningPods(String namespace, int exitCode) {
    return kubelet == null ? 0 : kubelet.finishAll(namespace, exitCode);
  }

  /** Ends every open HTTP watch; clients resume from their last resourceVersion. */
  public void dropWatches() {
    store.dropWatches();
  }

  /**
   * Makes the next {@code count} requests under /api and /apis (watches and discovery included)
   * fail with HTTP {@code code} (e.g. 500, 503, 429) and a Status body, as a failing server would.
   */
  public void failNextRequests(int count, int code) {
    server.failNextRequests(count, code);
  }

  /**
   * Installs a validating admission webhook named {@code webhook}: creates through the API of
   * objects it {@code denies} answer 400 with its explanation {@code why}, as a policy engine's
   * denial does. {@link #allowAllCreates()} removes every webhook.
   */
  public void denyCreates(String webhook, Predicate<JsonObject> denies, String why) {
    server.admission().add(new AdmissionPolicies.Policy(webhook, denies, why));
  }

  /** Removes every admission webhook {@link #denyCreates} installed. */
  public void allowAllCreates() {
    server.admission().clear();
  }

  /**
   * Makes the next {@code count} creates (of any resource) take effect but answer 409
   * AlreadyExists, as a retried create whose first answer was lost is answered.
   */
  public void loseNextCreateAnswers(int count) {
    server.loseNextCreateAnswers(count);
  }

  /**
   * Empties the cluster and re-creates the namespaces and nodes. HTTP watches are closed and
   * resourceVersions before the reset answer 410, so informers re-list.
   */
  public void reset() {
    store.reset();
    logs.clear();
    if (kubelet != null) {
      kubelet.reset();
      nodeLifecycle.reset();
    }
    seed();
    if (scheduler != null) {
      scheduler.reset();
    }
  }

  @Override
  public void close() {
    server.close();
    for (AutoCloseable actor : actors) {
      try {
        actor.close();
      } catch (Exception e) {
        LOG.fine("actor close failed: " + e);
      }
    }
    store.close();
    logs.clear();
    if (temporaryKubeconfig) {
      try {
        Files.deleteIfExists(kubeconfig);
      } catch (IOException e) {
        LOG.fine("kubeconfig not deleted: " + e);
      }
    }
  }
}
