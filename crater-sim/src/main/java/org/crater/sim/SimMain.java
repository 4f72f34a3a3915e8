package org.crater.sim;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.crater.sim.actor.NodePool;

/**
 * The command line: {@code java -jar crater-sim.jar [--port 8081] [--nodes 8] [--gpu-model A100]
 * [--gpus-per-node 8] [--cpu 64] [--memory 512Gi] [--node-pool count:model:gpus[:cpu[:mem]]]...
 * [--pods-per-node 110] [--run-ms 30000] [--exit-code 0] [--start-delay-ms 10] [--namespace ns]...
 * [--history 20000] [--kubeconfig target/sim-kubeconfig.yaml] [--gpu-util 100]}. Runs until killed.
 */
public final class SimMain {
  private SimMain() {}

  public static void main(String[] args) throws InterruptedException {
    SimConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("crater-sim: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    SimCluster cluster = SimCluster.start(config);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  cluster.close();
                  stop.countDown();
                }));
    System.out.println(
        "crater-sim ready url="
            + cluster.url()
            + " kubeconfig="
            + cluster.kubeconfigPath().toAbsolutePath()
            + " nodes="
            + config.nodeCount()
            + " startedMs="
            + cluster.startedMs());
    System.out.flush();
    stop.await();
  }

  static SimConfig parse(String[] args) {
    SimConfig.Builder b =
        SimConfig.builder().port(8081).kubeconfigPath(Path.of("target/sim-kubeconfig.yaml"));
    String cpu = "64";
    String memory = "512Gi";
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new IllegalArgumentException("help requested");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + flag);
      }
      String v = args[++i];
      switch (flag.toLowerCase(Locale.ROOT)) {
        case "--port" -> b.port(Integer.parseInt(v));
        case "--nodes" -> b.nodes(Integer.parseInt(v));
        case "--gpu-model" -> b.gpuModel(v);
        case "--gpus-per-node" -> b.gpusPerNode(Integer.parseInt(v));
        case "--cpu" -> {
          cpu = v;
          b.cpu(v);
        }
        case "--memory" -> {
          memory = v;
          b.memory(v);
        }
        case "--node-pool" -> b.nodePool(NodePool.parse(v, cpu, memory));
        case "--pods-per-node" -> b.podsPerNode(Integer.parseInt(v));
        case "--run-ms" -> b.runMs(Long.parseLong(v));
        case "--exit-code" -> b.exitCode(Integer.parseInt(v));
        case "--start-delay-ms" -> b.startDelayMs(Long.parseLong(v));
        case "--namespace" -> b.namespace(v);
        case "--history" -> b.historySize(Integer.parseInt(v));
        case "--kubeconfig" -> b.kubeconfigPath(Path.of(v));
        case "--gpu-util" -> b.gpuUtilPercent(Double.parseDouble(v));
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    return b.build();
  }

  static String usage() {
    return "usage: java -jar crater-sim.jar [--port 8081] [--nodes 8] [--gpu-model A100]"
        + " [--gpus-per-node 8] [--cpu 64] [--memory 512Gi]"
        + " [--node-pool count:model:gpus[:cpu[:memory]]]... [--pods-per-node 110]"
        + " [--run-ms 30000] [--exit-code 0] [--start-delay-ms 10] [--namespace ns]..."
        + " [--history 20000] [--kubeconfig target/sim-kubeconfig.yaml] [--gpu-util 100]";
  }
}
