package org.crater.sim.actor;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.sim.api.ApiError;
import org.crater.sim.api.Json;
import org.crater.sim.api.LogStore;
import org.crater.sim.api.Pods;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.Store;
import org.crater.sim.api.WatchEvent;

/**
 * Runs bound pods: Pending → Running after {@code startDelayMs}, then Succeeded or Failed after the
 * run time and with the exit code from the annotations {@value #RUN_MS} and {@value #EXIT_CODE}.
 * Without annotations the first container's command line is read the way a shell would run it:
 * {@code sleep N} runs N seconds and {@code exit N} ends with code N (see {@link ContainerScript});
 * otherwise the configured defaults apply. A negative run time runs forever. The kubelet of a node
 * that is not Ready reports nothing: its pods keep their last status until the node is back (or
 * {@link NodeLifecycleSim} evicts them); pods on a deleted node are deleted.
 */
public final class KubeletSim extends Actor {
  public static final String RUN_MS = "sim.crater.io/run-ms";
  public static final String EXIT_CODE = "sim.crater.io/exit-code";
  private static final Logger LOG = Logger.getLogger(KubeletSim.class.getName());
  private static final long SILENT_RECHECK_MS = 200;

  private final LogStore logs;
  private final long defaultRunMs;
  private final int defaultExitCode;
  private final long startDelayMs;
  private final ScheduledExecutorService timers;
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger podIps = new AtomicInteger();

  public KubeletSim(
      Store store, LogStore logs, long defaultRunMs, int defaultExitCode, long startDelayMs) {
    super("kubelet", store, null);
    this.logs = logs;
    this.defaultRunMs = defaultRunMs;
    this.defaultExitCode = defaultExitCode;
    this.startDelayMs = startDelayMs;
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "crater-sim-kubelet-timer");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void start() {
    super.start();
    for (JsonObject pod : store.list(ResourceRegistry.PODS, null)) {
      onPod(WatchEvent.ADDED, pod);
    }
  }

  @Override
  protected void onEvent(WatchEvent e) {
    if (e.resource().equals(ResourceRegistry.PODS)) {
      onPod(e.type(), e.object());
    } else if (e.resource().equals(ResourceRegistry.NODES)) {
      onNode(e.type(), e.object());
    }
  }

  private void onPod(String type, JsonObject pod) {
    String uid = Json.uid(pod);
    if (type.equals(WatchEvent.DELETED)) {
      cancel(uid);
      return;
    }
    String node = Json.str(pod, "spec.nodeName");
    boolean startable =
        node != null
            && "Pending".equals(Json.str(pod, "status.phase"))
            && Json.at(pod, "metadata.deletionTimestamp") == null;
    if (startable && !pending.containsKey(uid)) {
      String ns = Json.namespace(pod);
      String name = Json.name(pod);
      pending.put(
          uid, timers.schedule(() -> run(ns, name, uid), startDelayMs, TimeUnit.MILLISECONDS));
    }
  }

  private void onNode(String type, JsonObject node) {
    if (!type.equals(WatchEvent.DELETED)) {
      return;
    }
    String name = Json.name(node);
    for (JsonObject pod : store.list(ResourceRegistry.PODS, null)) {
      if (name.equals(Json.str(pod, "spec.nodeName")) && !Pods.terminal(pod)) {
        quietly(
            () -> store.delete(ResourceRegistry.PODS, Json.namespace(pod), Json.name(pod), false));
      }
    }
  }

  /** Whether the kubelet of the pod's node reports (its node is there and Ready). */
  private boolean reporting(JsonObject pod) {
    return store
        .find(ResourceRegistry.NODES, null, Json.str(pod, "spec.nodeName"))
        .map(NodeSim::isReady)
        .orElse(false);
  }

  /** Runs {@code step} again later: the node's kubelet is silent for now. */
  private void later(String uid, Runnable step) {
    pending.put(uid, timers.schedule(step, SILENT_RECHECK_MS, TimeUnit.MILLISECONDS));
  }

  private void run(String ns, String name, String uid) {
    JsonObject pod = store.find(ResourceRegistry.PODS, ns, name).orElse(null);
    if (pod == null
        || !uid.equals(Json.uid(pod))
        || !"Pending".equals(Json.str(pod, "status.phase"))) {
      pending.remove(uid);
      return;
    }
    if (!reporting(pod)) {
      later(uid, () -> run(ns, name, uid));
      return;
    }
    String node = Json.str(pod, "spec.nodeName");
    String hostIp = hostIp(node);
    String podIp = podIp();
    quietly(
        () ->
            store.modify(
                ResourceRegistry.PODS, ns, name, p -> PodStatuses.running(p, hostIp, podIp), true));
    logs.append(ns, name, "crater-sim: started pod " + name + " on node " + node);
    ContainerScript script = ContainerScript.of(pod);
    long runMs = annotation(pod, RUN_MS, script.runMs().orElse(defaultRunMs));
    if (runMs >= 0) {
      int exit = (int) annotation(pod, EXIT_CODE, script.exitCode().orElse(defaultExitCode));
      pending.put(
          uid, timers.schedule(() -> finish(ns, name, uid, exit), runMs, TimeUnit.MILLISECONDS));
    }
  }

  /**
   * Ends every running pod of the namespace now with {@code exitCode}, as if all their containers
   * exited at once (a burst of pod-status changes); how many it ended.
   */
  public int finishAll(String ns, int exitCode) {
    int ended = 0;
    for (JsonObject pod : store.list(ResourceRegistry.PODS, ns)) {
      if ("Running".equals(Json.str(pod, "status.phase"))) {
        cancel(Json.uid(pod));
        finish(ns, Json.str(pod, "metadata.name"), Json.uid(pod), exitCode);
        ended++;
      }
    }
    return ended;
  }

  private void finish(String ns, String name, String uid, int exitCode) {
    pending.remove(uid);
    JsonObject pod = store.find(ResourceRegistry.PODS, ns, name).orElse(null);
    if (pod == null
        || !uid.equals(Json.uid(pod))
        || !"Running".equals(Json.str(pod, "status.phase"))) {
      return;
    }
    if (!reporting(pod)) {
      later(uid, () -> finish(ns, name, uid, exitCode));
      return;
    }
    logs.append(ns, name, "crater-sim: pod " + name + " exited with code " + exitCode);
    logs.finish(ns, name);
    quietly(
        () ->
            store.modify(
                ResourceRegistry.PODS, ns, name, p -> PodStatuses.terminated(p, exitCode), true));
  }

  private String hostIp(String node) {
    return store
        .find(ResourceRegistry.NODES, null, node)
        .map(n -> Json.arr(n, "status.addresses"))
        .filter(a -> !a.isEmpty())
        .map(a -> Json.str(a.get(0).getAsJsonObject(), "address"))
        .orElse("10.0.0.1");
  }

  private String podIp() {
    int n = podIps.incrementAndGet();
    return "10.244." + ((n / 250) % 250) + "." + (n % 250 + 1);
  }

  private static long annotation(JsonObject pod, String key, long fallback) {
    JsonObject annotations = Json.obj(pod, "metadata.annotations");
    if (!annotations.has(key)) {
      return fallback;
    }
    try {
      return Long.parseLong(annotations.get(key).getAsString().trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private void cancel(String uid) {
    ScheduledFuture<?> f = pending.remove(uid);
    if (f != null) {
      f.cancel(false);
    }
  }

  private static void quietly(Runnable write) {
    try {
      write.run();
    } catch (ApiError e) {
      // The pod changed or went away meanwhile; the next event decides again.
      LOG.log(Level.FINE, "kubelet write skipped code=" + e.code());
    }
  }

  /** Forgets every running timer (after a store reset). */
  public void reset() {
    pending.values().forEach(f -> f.cancel(false));
    pending.clear();
  }

  @Override
  public void close() {
    super.close();
    timers.shutdownNow();
  }
}
