package org.crater.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crater.sim.actor.NodePool;

/**
 * The settings of one simulated cluster. Build with {@link #builder()}; without explicit node
 * pools, one pool is made from {@code nodes}, {@code gpuModel}, {@code gpusPerNode}, {@code cpu}
 * and {@code memory}.
 */
public record SimConfig(
    int port,
    List<NodePool> nodePools,
    int podsPerNode,
    long runMs,
    int exitCode,
    long startDelayMs,
    int historySize,
    long bookmarkIntervalMs,
    Path kubeconfigPath,
    List<String> namespaces,
    boolean scheduler,
    boolean kubelet,
    boolean volcano,
    long nodeGraceMs,
    long defaultTolerationSeconds,
    double gpuUtilPercent) {

  public static Builder builder() {
    return new Builder();
  }

  public int nodeCount() {
    return nodePools.stream().mapToInt(NodePool::count).sum();
  }

  /** A fluent builder with defaults fit for tests: 4 A100 nodes with 8 GPUs, pods run 30 s. */
  public static final class Builder {
    private int port;
    private int nodes = 4;
    private String gpuModel = "A100";
    private int gpusPerNode = 8;
    private String cpu = "64";
    private String memory = "512Gi";
    private final List<NodePool> pools = new ArrayList<>();
    private int podsPerNode = 110;
    private long runMs = 30_000;
    private int exitCode;
    private long startDelayMs = 10;
    private int historySize = 20_000;
    private long bookmarkIntervalMs = 1000;
    private Path kubeconfigPath;
    private final List<String> namespaces = new ArrayList<>(List.of("default"));
    private boolean scheduler = true;
    private boolean kubelet = true;
    private boolean volcano = true;
    private long nodeGraceMs;
    private long defaultTolerationSeconds = 300;
    private double gpuUtilPercent = 100;

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder nodes(int nodes) {
      this.nodes = nodes;
      return this;
    }

    public Builder gpuModel(String gpuModel) {
      this.gpuModel = gpuModel;
      return this;
    }

    public Builder gpusPerNode(int gpusPerNode) {
      this.gpusPerNode = gpusPerNode;
      return this;
    }

    public Builder cpu(String cpu) {
      this.cpu = cpu;
      return this;
    }

    public Builder memory(String memory) {
      this.memory = memory;
      return this;
    }

    /** Adds a node pool; once any is added, the single-pool settings above are ignored. */
    public Builder nodePool(NodePool pool) {
      pools.add(pool);
      return this;
    }

    public Builder podsPerNode(int podsPerNode) {
      this.podsPerNode = podsPerNode;
      return this;
    }

    /** Default pod run time; a pod's {@code sim.crater.io/run-ms} annotation overrides it. */
    public Builder runMs(long runMs) {
      this.runMs = runMs;
      return this;
    }

    /** Default exit code; a pod's {@code sim.crater.io/exit-code} annotation overrides it. */
    public Builder exitCode(int exitCode) {
      this.exitCode = exitCode;
      return this;
    }

    public Builder startDelayMs(long startDelayMs) {
      this.startDelayMs = startDelayMs;
      return this;
    }

    /** How many changes are kept for watch replay; older resourceVersions get 410 Gone. */
    public Builder historySize(int historySize) {
      this.historySize = historySize;
      return this;
    }

    public Builder bookmarkIntervalMs(long bookmarkIntervalMs) {
      this.bookmarkIntervalMs = bookmarkIntervalMs;
      return this;
    }

    /** Where to write the kubeconfig; a temporary file when not set. */
    public Builder kubeconfigPath(Path kubeconfigPath) {
      this.kubeconfigPath = kubeconfigPath;
      return this;
    }

    /** Extra namespaces created at start, besides {@code default}. */
    public Builder namespace(String namespace) {
      if (!namespaces.contains(namespace)) {
        namespaces.add(namespace);
      }
      return this;
    }

    public Builder scheduler(boolean enabled) {
      this.scheduler = enabled;
      return this;
    }

    public Builder kubelet(boolean enabled) {
      this.kubelet = enabled;
      return this;
    }

    public Builder volcano(boolean enabled) {
      this.volcano = enabled;
      return this;
    }

    /**
     * How long a node is not ready before the node lifecycle controller taints it (its node monitor
     * grace period: 50 s in kube-controller-manager; 0 by default here, so tests stay fast).
     */
    public Builder nodeGraceMs(long nodeGraceMs) {
      this.nodeGraceMs = nodeGraceMs;
      return this;
    }

    /**
     * How long a pod without a toleration of the node taints stays on a tainted node (the API
     * server's DefaultTolerationSeconds admission: 300 s).
     */
    public Builder defaultTolerationSeconds(long seconds) {
      this.defaultTolerationSeconds = seconds;
      return this;
    }

    /**
     * How busy (percent) a running pod keeps its GPUs in {@code /metrics} when it does not say (100
     * by default); a pod's {@code sim.crater.io/gpu-util} annotation or {@code SIM_GPU_UTIL}
     * environment variable overrides it.
     */
    public Builder gpuUtilPercent(double percent) {
      if (!(percent >= 0 && percent <= 100)) {
        throw new IllegalArgumentException("GPU utilisation must be 0..100, not " + percent);
      }
      this.gpuUtilPercent = percent;
      return this;
    }

    public SimConfig build() {
      List<NodePool> nodePools =
          pools.isEmpty()
              ? List.of(new NodePool(nodes, gpuModel, gpusPerNode, cpu, memory))
              : pools;
      return new SimConfig(
          port,
          List.copyOf(nodePools),
          podsPerNode,
          runMs,
          exitCode,
          startDelayMs,
          historySize,
          bookmarkIntervalMs,
          kubeconfigPath,
          List.copyOf(namespaces),
          scheduler,
          kubelet,
          volcano,
          nodeGraceMs,
          defaultTolerationSeconds,
          gpuUtilPercent);
    }
  }
}
