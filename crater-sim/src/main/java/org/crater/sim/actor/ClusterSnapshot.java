package org.crater.sim.actor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crater.sim.api.Json;

/**
 * One scheduling pass's view of the cluster: free resources and placed pods per schedulable node.
 * Tentative placements and evictions are recorded so a gang that does not fit can be rolled back.
 */
final class ClusterSnapshot {
  /** A pod occupying a node: its requests and priority. */
  record Placed(JsonObject pod, ResourceVector requests, int priority) {}

  /** A schedulable node: labels, free resources and the pods on it. */
  static final class NodeState {
    final String name;
    final JsonObject labels;
    final ResourceVector free;
    final List<Placed> pods = new ArrayList<>();

    NodeState(String name, JsonObject labels, ResourceVector free) {
      this.name = name;
      this.labels = labels;
      this.free = free;
    }
  }

  /** A node on which evicting {@code victims} makes the pod fit. */
  record Preemption(NodeState node, List<Placed> victims) {}

  private record Op(boolean place, NodeState node, Placed pod) {}

  private final Map<String, NodeState> nodes = new TreeMap<>();
  private final Deque<Op> undo = new ArrayDeque<>();

  void addNode(String name, JsonObject labels, ResourceVector allocatable) {
    nodes.put(name, new NodeState(name, labels, allocatable));
  }

  /** Records an existing pod on its node; pods on unknown or unschedulable nodes are ignored. */
  void occupy(String node, Placed pod) {
    NodeState n = nodes.get(node);
    if (n != null) {
      n.free.subtract(pod.requests());
      n.pods.add(pod);
    }
  }

  /**
   * The fitting node that leaves the fewest GPUs free (bin packing), or null. A pod without GPUs
   * takes the first node that fits.
   */
  NodeState bestFit(JsonObject pod, ResourceVector requests) {
    long gpus = requests.get("nvidia.com/gpu");
    NodeState best = null;
    long bestLeft = Long.MAX_VALUE;
    for (NodeState n : nodes.values()) {
      if (selects(pod, n) && n.free.covers(requests)) {
        long left = n.free.get("nvidia.com/gpu") - gpus;
        if (left < bestLeft) {
          best = n;
          bestLeft = left;
        }
        if (gpus == 0 || left == 0) {
          break;
        }
      }
    }
    return best;
  }

  /**
   * The node where evicting the fewest lower-priority pods (lowest priorities first) makes room, or
   * null. Pods of {@code ownGang} are never victims.
   */
  Preemption preemption(JsonObject pod, ResourceVector requests, int priority, String ownGang) {
    Preemption best = null;
    for (NodeState n : nodes.values()) {
      if (!selects(pod, n)) {
        continue;
      }
      List<Placed> candidates = new ArrayList<>();
      for (Placed p : n.pods) {
        if (p.priority() < priority && !isDeleting(p.pod()) && !inGang(p.pod(), ownGang)) {
          candidates.add(p);
        }
      }
      List<Placed> victims = victimsOn(n, candidates, requests);
      if (victims != null && (best == null || victims.size() < best.victims().size())) {
        best = new Preemption(n, victims);
      }
    }
    return best;
  }

  /**
   * Removes the lowest-priority candidates until the pod fits, then reprieves every victim (highest
   * priority first) whose removal turns out not to be needed, as kube-scheduler does. Null if the
   * pod does not fit even with every candidate gone.
   */
  private static List<Placed> victimsOn(
      NodeState n, List<Placed> candidates, ResourceVector requests) {
    candidates.sort(Comparator.comparingInt(Placed::priority));
    ResourceVector free = n.free.copy();
    List<Placed> victims = new ArrayList<>();
    for (Placed c : candidates) {
      if (free.covers(requests)) {
        break;
      }
      free.add(c.requests());
      victims.add(c);
    }
    if (!free.covers(requests)) {
      return null;
    }
    for (int i = victims.size() - 1; i >= 0; i--) {
      ResourceVector without = free.copy();
      without.subtract(victims.get(i).requests());
      if (without.covers(requests)) {
        free = without;
        victims.remove(i);
      }
    }
    return victims;
  }

  /** Why a pod fits no node, in the words kube-scheduler uses for PodScheduled=False. */
  String unschedulableMessage(JsonObject pod, ResourceVector requests) {
    int matching = 0;
    java.util.Set<String> insufficient = new java.util.TreeSet<>();
    for (NodeState n : nodes.values()) {
      if (!selects(pod, n)) {
        continue;
      }
      matching++;
      for (String r : requests.positive()) {
        if (n.free.get(r) < requests.get(r)) {
          insufficient.add(r);
        }
      }
    }
    String prefix = "0/" + nodes.size() + " nodes are available: ";
    if (matching == 0) {
      return prefix + nodes.size() + " node(s) didn't match Pod's node affinity/selector.";
    }
    return prefix + "Insufficient " + String.join(", ", insufficient) + ".";
  }

  void place(NodeState n, Placed pod) {
    n.free.subtract(pod.requests());
    n.pods.add(pod);
    undo.push(new Op(true, n, pod));
  }

  void evict(NodeState n, Placed pod) {
    n.free.add(pod.requests());
    n.pods.remove(pod);
    undo.push(new Op(false, n, pod));
  }

  /** Marks the current state as final: later rollbacks stop here. */
  void commit() {
    undo.clear();
  }

  /** Reverts every placement and eviction since the last commit. */
  void rollback() {
    while (!undo.isEmpty()) {
      Op op = undo.pop();
      if (op.place()) {
        op.node().free.add(op.pod().requests());
        op.node().pods.remove(op.pod());
      } else {
        op.node().free.subtract(op.pod().requests());
        op.node().pods.add(op.pod());
      }
    }
  }

  /** The pod's nodeSelector and its required node affinity both accept the node. */
  private static boolean selects(JsonObject pod, NodeState n) {
    for (Map.Entry<String, JsonElement> e : Json.obj(pod, "spec.nodeSelector").entrySet()) {
      JsonElement actual = n.labels.get(e.getKey());
      if (actual == null || !actual.getAsString().equals(e.getValue().getAsString())) {
        return false;
      }
    }
    return NodeAffinity.accepts(pod, n.name, n.labels);
  }

  private static boolean isDeleting(JsonObject pod) {
    return Json.at(pod, "metadata.deletionTimestamp") != null;
  }

  private static boolean inGang(JsonObject pod, String gang) {
    return gang != null && gang.equals(SchedulerSim.gangKey(pod));
  }
}
