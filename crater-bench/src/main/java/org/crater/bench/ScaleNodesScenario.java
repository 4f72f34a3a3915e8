package org.crater.bench;

import static org.crater.bench.ScenarioSupport.MIB;
import static org.crater.bench.ScenarioSupport.awaitCount;
import static org.crater.bench.ScenarioSupport.gpus;
import static org.crater.bench.ScenarioSupport.heap;
import static org.crater.bench.ScenarioSupport.job;
import static org.crater.bench.ScenarioSupport.parallel;
import static org.crater.bench.ScenarioSupport.row;
import static org.crater.bench.ScenarioSupport.signUp;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.crater.k8s.common.KubeClients;
import org.crater.k8s.node.NodeInventoryBuilder;

/**
 * Five thousand GPU nodes in the simulated cluster: Crater's start and memory with them, the node
 * inventory built from them, filling every node, and the admission pass over them.
 */
final class ScaleNodesScenario {

  private static final String SCENARIO = "scale-nodes";
  private static final int USERS = 100;

  private final BenchSettings settings;

  ScaleNodesScenario(BenchSettings settings) {
    this.settings = settings;
  }

  List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    int nodes = settings.scaled(5_000, 500);
    String note = nodes + " nodes x 8 A100";
    try (Stack stack = Stack.start(SCENARIO, settings, nodes, 110)) {
      rows.add(row(SCENARIO, "time to ready", stack.readyIn().toMillis() / 1000.0, "s", "", note));
      rows.add(row(SCENARIO, "RSS at rest", stack.rssBytes() / MIB, "MiB", "", note));
      rows.add(heap(SCENARIO, stack, note + ", at rest"));
      ApiClient cluster = KubeClients.fromUrl(stack.sim().url(), KubeClients.REQUESTS);
      rows.addAll(inventory(cluster, "inventory build, empty", note));

      List<Http> users = signUp(stack, USERS, "tenant");
      int extra = settings.scaled(1_000, 100);
      long fill = System.nanoTime();
      submit(users, nodes + extra);
      awaitCount(stack.admin(), "RUNNING", nodes, Duration.ofSeconds(900));
      double fillSeconds = (System.nanoTime() - fill) / 1e9;
      String full = nodes + " jobs of 8 GPUs Running, " + extra + " queued";
      rows.add(row(SCENARIO, "submit -> every node full", fillSeconds, "s", "", full));
      rows.addAll(inventory(cluster, "inventory build, full", full));

      Map<String, Object> big = job("BEST_EFFORT", gpus(8), "sleep 3600");
      Duration measured = Duration.ofSeconds(settings.scaled(30, 10));
      List<Double> passes = AdmissionScenario.passTimes(stack, users.get(0), big, measured);
      rows.add(row(SCENARIO, "pass p50", Percentiles.of(passes, 50), "ms", "", full));
      rows.add(row(SCENARIO, "pass p99", Percentiles.of(passes, 99), "ms", "<= 100", full));
      rows.add(row(SCENARIO, "RSS full", stack.rssBytes() / MIB, "MiB", "", full));
      rows.add(heap(SCENARIO, stack, full));
    }
    return rows;
  }

  private void submit(List<Http> users, int jobs) throws InterruptedException {
    Map<String, Object> big = job("BEST_EFFORT", gpus(8), "sleep 3600");
    AtomicInteger next = new AtomicInteger();
    parallel(
        settings.clients(),
        t -> {
          for (int i; (i = next.getAndIncrement()) < jobs; ) {
            users.get(i % users.size()).post("api/v1/jobs", big);
          }
        });
  }

  /**
   * Crater's node inventory ({@link NodeInventoryBuilder}, as its informer cache keeps it) over the
   * nodes and pods the cluster serves, timed here: built from nothing, and built again after one
   * pod changed (what a pass after a pod came or went pays); the median of ten builds after three
   * to warm up.
   */
  private static List<Row> inventory(ApiClient cluster, String metric, String note)
      throws Exception {
    CoreV1Api api = new CoreV1Api(cluster);
    List<V1Node> nodes = api.listNode().execute().getItems();
    List<V1Pod> pods = api.listPodForAllNamespaces().execute().getItems();
    List<Double> fresh = new ArrayList<>();
    List<Double> again = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      long t = System.nanoTime();
      NodeInventoryBuilder kept = new NodeInventoryBuilder();
      nodes.forEach(kept::node);
      pods.forEach(pod -> kept.pod(null, pod));
      kept.build(Instant.now());
      long built = System.nanoTime();
      if (!pods.isEmpty()) {
        V1Pod pod = pods.get(i % pods.size());
        kept.pod(pod, null);
        kept.pod(null, pod);
      }
      kept.build(Instant.now());
      if (i >= 3) {
        fresh.add((built - t) / 1e6);
        again.add((System.nanoTime() - built) / 1e6);
      }
    }
    String sample = nodes.size() + " nodes, " + pods.size() + " pods; " + note;
    Row built = row(SCENARIO, metric + " p50", Percentiles.of(fresh, 50), "ms", "", sample);
    if (pods.isEmpty()) {
      return List.of(built);
    }
    String rebuilt = metric + ", again after a pod change p50";
    return List.of(built, row(SCENARIO, rebuilt, Percentiles.of(again, 50), "ms", "", sample));
  }
}
