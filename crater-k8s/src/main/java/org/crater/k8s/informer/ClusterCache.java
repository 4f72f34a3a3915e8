package org.crater.k8s.informer;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeList;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongConsumer;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.crater.k8s.node.NodeInventory;
import org.crater.k8s.node.NodeInventoryBuilder;
import org.crater.k8s.pod.PodObservation;

/**
 * The informer caches Crater reads the cluster from: pods, Volcano jobs and nodes. It turns every
 * change of a Crater-labelled object into a job-id notification (for the work queue), every change
 * that moves capacity into an inventory notification, and remembers pods that someone other than
 * Crater deleted, so a preemption by the cluster is still visible after the pod is gone. Caches lag
 * the API (pitfall "caches lag writes" in docs/architecture.md).
 */
public final class ClusterCache implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ClusterCache.class.getName());

  private final ClusterCacheConfig config;
  private final ThreadFactory threadFactory;
  private final Clock clock;
  private final Informer<V1Pod, V1PodList> pods;
  private final Informer<DynamicKubernetesObject, DynamicKubernetesListObject> volcanoJobs;
  private final Informer<V1Node, V1NodeList> nodes;
  private final Tombstones tombstones = new Tombstones(5_000);
  private final List<LongConsumer> jobListeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> inventoryListeners = new CopyOnWriteArrayList<>();
  private final NodeInventoryBuilder inventoryBuilder = new NodeInventoryBuilder();
  private volatile NodeInventory inventory;
  private volatile boolean inventoryStale = true;
  private volatile NodeInventory emptyNodes;
  private volatile boolean nodesStale = true;

  /**
   * @param watchClient a client with read timeout 0
   * @param config what to watch
   * @param threadFactory source of the informer threads (one per watched resource)
   * @param clock time source for inventory snapshots
   */
  public ClusterCache(
      ApiClient watchClient, ClusterCacheConfig config, ThreadFactory threadFactory, Clock clock) {
    this.config = Objects.requireNonNull(config);
    this.threadFactory = Objects.requireNonNull(threadFactory);
    this.clock = clock;
    this.pods = Informers.pods(watchClient, config);
    this.volcanoJobs = config.volcano() ? Informers.volcanoJobs(watchClient, config) : null;
    this.nodes = config.nodes() ? Informers.nodes(watchClient) : null;
    pods.addHandler(new PodHandler());
    if (volcanoJobs != null) {
      volcanoJobs.addHandler(handler(this::jobChanged));
    }
    if (nodes != null) {
      nodes.addHandler(new NodeHandler());
    }
  }

  /**
   * Calls {@code listener} with the job id of every changed Crater object (on an informer thread).
   */
  public void onJobChange(LongConsumer listener) {
    jobListeners.add(listener);
  }

  /**
   * Calls {@code listener} when capacity may have moved (node change, pod bound/finished/deleted).
   */
  public void onInventoryChange(Runnable listener) {
    inventoryListeners.add(listener);
  }

  /** Starts the informers. */
  public void start() {
    pods.start(threadFactory);
    if (volcanoJobs != null) {
      volcanoJobs.start(threadFactory);
    }
    if (nodes != null) {
      nodes.start(threadFactory);
    }
    LOG.info(() -> "started cluster cache namespace=" + config.jobNamespace());
  }

  /** True when every informer has done its first list. */
  public boolean hasSynced() {
    return pods.hasSynced()
        && (volcanoJobs == null || volcanoJobs.hasSynced())
        && (nodes == null || nodes.hasSynced());
  }

  /** Waits up to {@code timeout} for {@link #hasSynced()}; returns whether it got there. */
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!hasSynced()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Stops the informers. */
  @Override
  public void close() {
    pods.stop();
    if (volcanoJobs != null) {
      volcanoJobs.stop();
    }
    if (nodes != null) {
      nodes.stop();
    }
  }

  /** Cached pods of one attempt (the single Pod, or all pods of its Volcano job). */
  public List<V1Pod> pods(long jobId, int attempt) {
    return pods.byIndex(Long.toString(jobId)).stream()
        .filter(p -> JobKeys.attempt(p) == attempt)
        .toList();
  }

  /** Attempts of the job that have a cached Pod or Volcano job in {@code namespace}, ascending. */
  public SortedSet<Integer> attempts(String namespace, long jobId) {
    SortedSet<Integer> out = new TreeSet<>();
    String key = Long.toString(jobId);
    Stream.concat(
            pods.byIndex(key).stream(),
            volcanoJobs == null ? Stream.empty() : volcanoJobs.byIndex(key).stream())
        .filter(o -> namespace.equals(o.getMetadata().getNamespace()))
        .mapToInt(JobKeys::attempt)
        .filter(a -> a >= 0)
        .forEach(out::add);
    return out;
  }

  /** Ids of the jobs that have a cached Pod or Volcano job. */
  public Set<Long> jobIds() {
    Set<Long> ids = new HashSet<>();
    Stream.concat(
            pods.list().stream(),
            volcanoJobs == null ? Stream.empty() : volcanoJobs.list().stream())
        .forEach(o -> JobKeys.jobId(o).ifPresent(ids::add));
    return ids;
  }

  /** The cached Volcano job, empty when not cached or Volcano is not watched. */
  public Optional<DynamicKubernetesObject> volcanoJob(String namespace, String name) {
    return volcanoJobs == null ? Optional.empty() : volcanoJobs.get(namespace, name);
  }

  /** Pods of the attempt that disappeared without Crater deleting them, as last seen. */
  public List<PodObservation> vanishedPods(long jobId, int attempt) {
    return tombstones.get(JobKeys.indexKey(jobId, attempt));
  }

  /** Marks the attempt as being deleted by Crater, so its pods' disappearance is not preemption. */
  public void expectDeletion(long jobId, int attempt) {
    tombstones.expect(JobKeys.indexKey(jobId, attempt));
  }

  /**
   * Undoes {@link #expectDeletion}: the attempt is (re-)applied, so losing its pods matters again.
   */
  public void clearExpectedDeletion(long jobId, int attempt) {
    tombstones.unexpect(JobKeys.indexKey(jobId, attempt));
  }

  /** The GPU models of the cached nodes; built again only after a node changed. */
  public SortedSet<String> gpuModels() {
    return new TreeSet<>(emptyNodes().models().keySet());
  }

  /**
   * The cached nodes as if no pod ran on them: what each could hold. Built again only after a node
   * changed, so pods coming and going (many a second under load) do not rebuild it.
   */
  public NodeInventory emptyNodes() {
    NodeInventory current = emptyNodes;
    if (current == null || nodesStale) {
      nodesStale = false;
      List<V1Node> nodeList = nodes == null ? List.of() : List.copyOf(nodes.list());
      current = NodeInventoryBuilder.build(nodeList, List.of(), clock.instant());
      emptyNodes = current;
    }
    return current;
  }

  /**
   * A snapshot of the nodes with every cached bound pod charged against them. Built again only
   * after capacity may have moved (a node changed, a pod was bound, ended or deleted), and then
   * only the nodes that changed are looked at again, so reading it is cheap.
   */
  public NodeInventory inventory() {
    NodeInventory current = inventory;
    if (current == null || inventoryStale) {
      inventoryStale = false;
      current = inventoryBuilder.build(clock.instant());
      inventory = current;
    }
    return current;
  }

  private void jobChanged(io.kubernetes.client.common.KubernetesObject obj) {
    JobKeys.jobId(obj).ifPresent(id -> jobListeners.forEach(l -> l.accept(id)));
  }

  private void nodesChanged() {
    nodesStale = true;
    fireInventory();
  }

  /** Keeps the inventory's nodes and tells of capacity that may have moved. */
  private final class NodeHandler implements ResourceEventHandler<V1Node> {
    @Override
    public void onAdd(V1Node node) {
      inventoryBuilder.node(node);
      nodesChanged();
    }

    @Override
    public void onUpdate(V1Node oldNode, V1Node newNode) {
      inventoryBuilder.node(newNode);
      nodesChanged();
    }

    @Override
    public void onDelete(V1Node node, boolean finalStateUnknown) {
      inventoryBuilder.nodeGone(node.getMetadata().getName());
      nodesChanged();
    }
  }

  private void fireInventory() {
    inventoryStale = true;
    inventoryListeners.forEach(Runnable::run);
  }

  private static <T extends io.kubernetes.client.common.KubernetesObject>
      ResourceEventHandler<T> handler(java.util.function.Consumer<T> onAny) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onAny.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onAny.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean finalStateUnknown) {
        onAny.accept(obj);
      }
    };
  }

  /** Routes pod events: job notifications, inventory notifications and tombstones. */
  private final class PodHandler implements ResourceEventHandler<V1Pod> {
    @Override
    public void onAdd(V1Pod pod) {
      inventoryBuilder.pod(null, pod);
      jobChanged(pod);
      if (nodeName(pod) != null) {
        fireInventory();
      }
    }

    @Override
    public void onUpdate(V1Pod oldPod, V1Pod newPod) {
      inventoryBuilder.pod(oldPod, newPod);
      jobChanged(newPod);
      if (!Objects.equals(nodeName(oldPod), nodeName(newPod))
          || !Objects.equals(phase(oldPod), phase(newPod))) {
        fireInventory();
      }
    }

    @Override
    public void onDelete(V1Pod pod, boolean finalStateUnknown) {
      String key = JobKeys.indexKey(pod);
      if (key != null) {
        tombstones.record(key, PodObservation.of(pod, true));
      }
      inventoryBuilder.pod(pod, null);
      jobChanged(pod);
      if (nodeName(pod) != null) {
        fireInventory();
      }
    }

    private String nodeName(V1Pod pod) {
      return pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    }

    private String phase(V1Pod pod) {
      return pod.getStatus() == null ? null : pod.getStatus().getPhase();
    }
  }
}
