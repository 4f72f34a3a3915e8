package org.crater.sim.actor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.crater.sim.api.ApiError;
import org.crater.sim.api.Json;
import org.crater.sim.api.Pods;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.Store;
import org.crater.sim.api.WatchEvent;

/**
 * The node lifecycle and taint eviction controllers of kube-controller-manager. A node whose Ready
 * condition is not True is tainted {@code node.kubernetes.io/not-ready:NoExecute} ({@code
 * unreachable} when it is Unknown) {@code graceMs} after it turned so (the real controller's node
 * monitor grace period); each pod on it is evicted when its toleration of that taint runs out: a
 * {@code DisruptionTarget} condition (reason {@code DeletionByTaintManager}), then its deletion. A
 * node Ready again loses the taint and the evictions still waiting are called off.
 */
public final class NodeLifecycleSim extends Actor {

  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  private static final Logger LOG = Logger.getLogger(NodeLifecycleSim.class.getName());

  private final long graceMs;
  private final long defaultTolerationSeconds;
  private final ScheduledExecutorService timers;
  private final Map<String, ScheduledFuture<?>> tainting = new ConcurrentHashMap<>();
  private final Map<String, Eviction> evictions = new ConcurrentHashMap<>();

  /** A pod's eviction, waiting for its toleration to run out. */
  private record Eviction(String node, ScheduledFuture<?> future) {}

  /**
   * @param graceMs how long a node is not ready before it is tainted
   * @param defaultTolerationSeconds how long a pod without a matching toleration stays
   */
  public NodeLifecycleSim(Store store, long graceMs, long defaultTolerationSeconds) {
    super("node-lifecycle", store, null);
    this.graceMs = graceMs;
    this.defaultTolerationSeconds = defaultTolerationSeconds;
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "crater-sim-node-lifecycle-timer");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  protected void onEvent(WatchEvent e) {
    if (e.resource().equals(ResourceRegistry.NODES) && !e.type().equals(WatchEvent.DELETED)) {
      onNode(e.object());
    } else if (e.resource().equals(ResourceRegistry.PODS)) {
      onPod(e.type(), e.object());
    }
  }

  private void onNode(JsonObject node) {
    String name = Json.name(node);
    String taint = taintFor(node);
    if (taint == null) {
      cancel(tainting.remove(name));
      evictions.values().removeIf(e -> e.node().equals(name) && e.future().cancel(false));
      if (tainted(node, NOT_READY) || tainted(node, UNREACHABLE)) {
        quietly(
            () ->
                store.modify(ResourceRegistry.NODES, null, name, NodeLifecycleSim::untaint, false));
      }
      return;
    }
    if (!tainted(node, taint) && !tainting.containsKey(name)) {
      tainting.put(
          name,
          timers.schedule(
              () -> {
                tainting.remove(name);
                quietly(
                    () ->
                        store.modify(
                            ResourceRegistry.NODES, null, name, n -> taint(n, taint), false));
              },
              graceMs,
              TimeUnit.MILLISECONDS));
    }
    if (tainted(node, taint)) {
      for (JsonObject pod : store.list(ResourceRegistry.PODS, null)) {
        if (name.equals(Json.str(pod, "spec.nodeName"))) {
          scheduleEviction(pod, taint);
        }
      }
    }
  }

  private void onPod(String type, JsonObject pod) {
    if (type.equals(WatchEvent.DELETED) || Pods.terminal(pod)) {
      Eviction eviction = evictions.remove(Json.uid(pod));
      if (eviction != null) {
        eviction.future().cancel(false);
      }
      return;
    }
    String nodeName = Json.str(pod, "spec.nodeName");
    JsonObject node =
        nodeName == null ? null : store.find(ResourceRegistry.NODES, null, nodeName).orElse(null);
    String taint = node == null ? null : taintFor(node);
    if (taint != null && tainted(node, taint)) {
      scheduleEviction(pod, taint);
    }
  }

  private void scheduleEviction(JsonObject pod, String taint) {
    String uid = Json.uid(pod);
    if (Pods.terminal(pod) || evictions.containsKey(uid)) {
      return;
    }
    OptionalLong seconds = Tolerations.seconds(pod, taint, defaultTolerationSeconds);
    if (seconds.isEmpty()) {
      return; // tolerated for ever
    }
    String ns = Json.namespace(pod);
    String name = Json.name(pod);
    evictions.put(
        uid,
        new Eviction(
            Json.str(pod, "spec.nodeName"),
            timers.schedule(
                () -> evict(ns, name, uid), seconds.getAsLong() * 1000, TimeUnit.MILLISECONDS)));
  }

  private void evict(String ns, String name, String uid) {
    evictions.remove(uid);
    JsonObject pod = store.find(ResourceRegistry.PODS, ns, name).orElse(null);
    if (pod == null || !uid.equals(Json.uid(pod)) || Pods.terminal(pod)) {
      return;
    }
    quietly(
        () -> {
          store.modify(ResourceRegistry.PODS, ns, name, NodeLifecycleSim::markEvicted, true);
          store.delete(ResourceRegistry.PODS, ns, name, false);
          LOG.info("taint eviction pod=" + ns + "/" + name);
        });
  }

  private static JsonObject markEvicted(JsonObject pod) {
    Pods.setCondition(
        Json.child(pod, "status"),
        Pods.condition(
            "DisruptionTarget",
            "True",
            "DeletionByTaintManager",
            "Taint manager: deleting due to NoExecute taint"));
    return pod;
  }

  /** The NoExecute taint a node's Ready condition calls for; null when it is Ready. */
  static String taintFor(JsonObject node) {
    for (JsonElement c : Json.arr(node, "status.conditions")) {
      JsonObject condition = c.getAsJsonObject();
      if ("Ready".equals(Json.str(condition, "type"))) {
        String status = Json.str(condition, "status");
        return "True".equals(status) ? null : "Unknown".equals(status) ? UNREACHABLE : NOT_READY;
      }
    }
    return UNREACHABLE;
  }

  private static JsonArray taints(JsonObject node) {
    return Json.arr(node, "spec.taints");
  }

  private static boolean tainted(JsonObject node, String key) {
    for (JsonElement t : taints(node)) {
      if (key.equals(Json.str(t.getAsJsonObject(), "key"))) {
        return true;
      }
    }
    return false;
  }

  private static JsonObject taint(JsonObject node, String key) {
    JsonArray kept = withoutNodeTaints(node);
    JsonObject taint = new JsonObject();
    taint.addProperty("key", key);
    taint.addProperty("effect", Tolerations.NO_EXECUTE);
    taint.addProperty("timeAdded", Json.now());
    kept.add(taint);
    Json.child(node, "spec").add("taints", kept);
    return node;
  }

  private static JsonObject untaint(JsonObject node) {
    JsonArray kept = withoutNodeTaints(node);
    if (kept.isEmpty()) {
      Json.child(node, "spec").remove("taints");
    } else {
      Json.child(node, "spec").add("taints", kept);
    }
    return node;
  }

  /** The node's taints other than the two of node health. */
  private static JsonArray withoutNodeTaints(JsonObject node) {
    JsonArray kept = new JsonArray();
    for (JsonElement t : taints(node)) {
      String key = Json.str(t.getAsJsonObject(), "key");
      if (!NOT_READY.equals(key) && !UNREACHABLE.equals(key)) {
        kept.add(t.deepCopy());
      }
    }
    return kept;
  }

  private static void cancel(ScheduledFuture<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }

  private static void quietly(Runnable write) {
    try {
      write.run();
    } catch (ApiError e) {
      LOG.fine("node lifecycle write skipped code=" + e.code());
    }
  }

  /** Forgets every waiting taint and eviction (after a store reset). */
  public void reset() {
    tainting.values().forEach(NodeLifecycleSim::cancel);
    tainting.clear();
    evictions.values().forEach(e -> e.future().cancel(false));
    evictions.clear();
  }

  @Override
  public void close() {
    super.close();
    timers.shutdownNow();
  }
}
