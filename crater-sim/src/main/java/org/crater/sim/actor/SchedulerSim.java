package org.crater.sim.actor;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.crater.sim.api.ApiError;
import org.crater.sim.api.Json;
import org.crater.sim.api.Pods;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.Store;
import org.crater.sim.api.WatchEvent;

/**
 * Binds pending pods of the default and Volcano schedulers to Ready nodes where their requests fit.
 * Pods sharing the {@value #GROUP_ANNOTATION} annotation are bound all-or-nothing up to the
 * PodGroup's minMember (or the Volcano job's minAvailable). Higher-priority pods that do not fit
 * preempt lower-priority ones. Runs one pass after each batch of relevant changes.
 */
public final class SchedulerSim extends Actor {
  public static final String GROUP_ANNOTATION = "scheduling.k8s.io/group-name";
  private static final Set<String> SCHEDULERS = Set.of("default-scheduler", "volcano");
  private static final long MIN_PASS_INTERVAL_MS = 20;

  private final PodDemands demands;
  private final Preemptor preemptor;
  private final AtomicLong binds = new AtomicLong();
  private boolean dirty = true;
  private long lastPassMs;

  public SchedulerSim(Store store) {
    super("scheduler", store, null);
    this.preemptor = new Preemptor(store);
    this.demands = new PodDemands(store);
  }

  /** The gang of a pod as {@code ns/group}, or null for a pod scheduled alone. */
  static String gangKey(JsonObject pod) {
    JsonObject annotations = Json.obj(pod, "metadata.annotations");
    return annotations.has(GROUP_ANNOTATION)
        ? Json.namespace(pod) + "/" + annotations.get(GROUP_ANNOTATION).getAsString()
        : null;
  }

  public long binds() {
    return binds.get();
  }

  @Override
  protected void onEvent(WatchEvent e) {
    if (e.resource().equals(ResourceRegistry.PODS)) {
      if (e.type().equals(WatchEvent.DELETED)) {
        demands.forget(e.object());
        dirty = true;
      } else if (e.type().equals(WatchEvent.ADDED)
          || (Pods.terminal(e.object()) && e.previous() != null && !Pods.terminal(e.previous()))) {
        dirty = true;
      }
    } else if (!e.resource().equals(ResourceRegistry.EVENTS)
        && !e.resource().equals(ResourceRegistry.LEASES)) {
      dirty = true;
    }
  }

  @Override
  protected void afterBatch() {
    if (!dirty) {
      return;
    }
    // A pass scans every pod; under a stream of changes, passes are spaced so they cannot
    // starve the API server. Changes arriving meanwhile are seen by this pass or the next.
    long wait = lastPassMs + MIN_PASS_INTERVAL_MS - System.currentTimeMillis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    dirty = false;
    lastPassMs = System.currentTimeMillis();
    pass();
  }

  @Override
  protected void idle() {
    pass();
  }

  /** Forgets cached requests (after a store reset). */
  public void reset() {
    dirty = true;
  }

  private void pass() {
    ClusterSnapshot snapshot = new ClusterSnapshot();
    for (JsonObject node : store.list(ResourceRegistry.NODES, null)) {
      if (NodeSim.isReady(node) && !"true".equals(Json.str(node, "spec.unschedulable"))) {
        try {
          snapshot.addNode(
              Json.name(node),
              Json.obj(node, "metadata.labels"),
              ResourceVector.of(Json.obj(node, "status.allocatable")));
        } catch (RuntimeException e) {
          // A node with malformed allocatable (written by a test or user) is not schedulable.
        }
      }
    }
    Map<String, Integer> boundPerGang = new HashMap<>();
    List<JsonObject> pending = new ArrayList<>();
    for (JsonObject pod : store.list(ResourceRegistry.PODS, null)) {
      if (!demands.parse(pod)) {
        continue;
      }
      String node = Json.str(pod, "spec.nodeName");
      if (node != null && !Pods.terminal(pod)) {
        snapshot.occupy(node, demands.placed(pod));
        String gang = gangKey(pod);
        if (gang != null) {
          boundPerGang.merge(gang, 1, Integer::sum);
        }
      } else if (node == null && isOurs(pod)) {
        pending.add(pod);
      }
    }
    if (!pending.isEmpty()) {
      schedule(snapshot, pending, boundPerGang);
    }
  }

  private boolean isOurs(JsonObject pod) {
    String scheduler = Json.str(pod, "spec.schedulerName");
    return (scheduler == null || SCHEDULERS.contains(scheduler))
        && Json.at(pod, "metadata.deletionTimestamp") == null
        && !Pods.terminal(pod);
  }

  private void schedule(
      ClusterSnapshot snapshot, List<JsonObject> pending, Map<String, Integer> boundPerGang) {
    pending.sort(
        Comparator.comparingInt((JsonObject p) -> -demands.priority(p))
            .thenComparing(p -> String.valueOf(Json.str(p, "metadata.creationTimestamp")))
            .thenComparing(p -> Json.namespace(p) + "/" + Json.name(p)));
    Map<String, List<JsonObject>> units = new LinkedHashMap<>();
    for (JsonObject pod : pending) {
      String gang = gangKey(pod);
      units
          .computeIfAbsent(gang == null ? "pod:" + Json.uid(pod) : gang, k -> new ArrayList<>())
          .add(pod);
    }
    Map<String, String> unfit = new HashMap<>();
    for (Map.Entry<String, List<JsonObject>> unit : units.entrySet()) {
      boolean gang = !unit.getKey().startsWith("pod:");
      String gangKey = gang ? unit.getKey() : null;
      int bound = gang ? boundPerGang.getOrDefault(gangKey, 0) : 0;
      int need = gang ? demands.minMember(gangKey) - bound : 1;
      if (gang && unit.getValue().size() < need) {
        continue; // not every member exists yet
      }
      String shape = gang ? null : demands.shape(unit.getValue().get(0));
      if (shape != null && unfit.containsKey(shape)) {
        markUnschedulable(unit.getValue(), unfit.get(shape));
        continue;
      }
      if (!placeUnit(snapshot, unit.getValue(), Math.max(1, need), gangKey)) {
        JsonObject first = unit.getValue().get(0);
        String message = snapshot.unschedulableMessage(first, demands.placed(first).requests());
        markUnschedulable(unit.getValue(), message);
        if (shape != null) {
          unfit.put(shape, message);
        }
      }
    }
  }

  /** Places as many members as fit; commits (binds, evicts) only if at least {@code need} do. */
  private boolean placeUnit(
      ClusterSnapshot snapshot, List<JsonObject> members, int need, String gangKey) {
    Map<JsonObject, String> bindings = new LinkedHashMap<>();
    List<ClusterSnapshot.Placed> victims = new ArrayList<>();
    for (JsonObject pod : members) {
      ClusterSnapshot.Placed me = demands.placed(pod);
      ClusterSnapshot.NodeState node = snapshot.bestFit(pod, me.requests());
      if (node == null && !"Never".equals(Json.str(pod, "spec.preemptionPolicy"))) {
        ClusterSnapshot.Preemption p =
            snapshot.preemption(pod, me.requests(), me.priority(), gangKey);
        if (p != null) {
          p.victims().forEach(v -> snapshot.evict(p.node(), v));
          victims.addAll(p.victims());
          node = p.node();
        }
      }
      if (node != null) {
        snapshot.place(node, me);
        bindings.put(pod, node.name);
      }
    }
    if (bindings.size() < need) {
      snapshot.rollback();
      return false;
    }
    snapshot.commit();
    JsonObject preemptor = bindings.keySet().iterator().next();
    for (ClusterSnapshot.Placed victim : victims) {
      this.preemptor.evict(victim.pod(), preemptor, bindings.get(preemptor));
    }
    bindings.forEach(this::bind);
    return true;
  }

  /**
   * Sets PodScheduled=False (reason Unschedulable) once per distinct message, as kube-scheduler.
   */
  private void markUnschedulable(List<JsonObject> pods, String message) {
    for (JsonObject pod : pods) {
      boolean marked =
          Json.arr(pod, "status.conditions").asList().stream()
              .map(c -> c.getAsJsonObject())
              .anyMatch(
                  c ->
                      "PodScheduled".equals(Json.str(c, "type"))
                          && message.equals(Json.str(c, "message")));
      if (marked) {
        continue;
      }
      try {
        store.modify(
            ResourceRegistry.PODS,
            Json.namespace(pod),
            Json.name(pod),
            p -> {
              Pods.setCondition(
                  Json.child(p, "status"),
                  Pods.condition("PodScheduled", "False", "Unschedulable", message));
              return p;
            },
            true);
      } catch (ApiError e) {
        // Deleted meanwhile.
      }
    }
  }

  private void bind(JsonObject pod, String node) {
    try {
      Pods.bind(store, Json.namespace(pod), Json.name(pod), node);
      binds.incrementAndGet();
    } catch (ApiError e) {
      // Deleted or bound meanwhile; the next pass sees the current state.
    }
  }
}
