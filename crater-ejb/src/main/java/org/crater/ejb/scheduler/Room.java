package org.crater.ejb.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.node.NodeInventory;
import org.crater.k8s.node.NodeView;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.model.quota.ResourceVector;

/**
 * The free room of the cluster's nodes during one pass, changed as the pass admits and preempts.
 * Placement is first-fit, node by node in name order, all replicas or none. It is an estimate the
 * real scheduler confirms, good enough never to admit what cannot run now. Nodes {@link #reserve}d
 * for an attempt take no other attempt's replicas.
 *
 * <p>First-fit over thousands of nodes would walk the same full nodes for every job of a pass. As
 * long as no room is given back, a node that could not take a replica of some shape (resources and
 * GPU model) still cannot, so the room remembers, per shape, the first node worth trying; giving
 * room back forgets it all. Attempts that hold reservations see nodes the others do not and always
 * walk from the first node.
 */
final class Room {

  private final Map<String, Node> nodes;
  private final Node[] ordered;
  private final Map<String, List<String>> placements;
  private final Map<String, String> reservedFor = new HashMap<>();
  private final Set<String> holders = new HashSet<>();
  private final Map<Shape, Integer> firstOpen = new HashMap<>();

  private Room(Map<String, Node> nodes, Map<String, List<String>> placements) {
    this.nodes = nodes;
    this.ordered = nodes.values().toArray(Node[]::new);
    this.placements = placements;
  }

  /** What one replica asks for, as far as placing it goes. */
  private record Shape(ResourceVector perReplica, String gpuModel) {}

  /**
   * A node of the room: its GPU model, what it could hold empty, and what is free now. A node that
   * is not ready or cordoned takes nothing now but still counts for what the cluster could hold.
   */
  record Node(
      String name,
      String gpuModel,
      boolean usable,
      Map<String, Long> allocatable,
      Map<String, Long> free) {

    Node(String name, String gpuModel, Map<String, Long> allocatable, Map<String, Long> free) {
      this(name, gpuModel, true, allocatable, free);
    }

    Node copy() {
      return new Node(name, gpuModel, usable, allocatable, new TreeMap<>(free));
    }
  }

  /**
   * The room of an inventory, with the pods already bound recorded as placements of their attempts
   * (pods are named after the attempt: {@code crater-<id>-<attempt>[-task-index]}).
   */
  static Room of(NodeInventory inventory) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    Map<String, List<String>> placements = new HashMap<>();
    for (NodeView view : inventory.nodes()) {
      for (String pod : view.pods()) {
        WorkloadNames.objectNameOfPod(pod.substring(pod.indexOf('/') + 1))
            .ifPresent(
                attempt ->
                    placements.computeIfAbsent(attempt, k -> new ArrayList<>()).add(view.name()));
      }
      Map<String, Long> free = new TreeMap<>();
      view.free().nonNegative().amounts().forEach(free::put);
      nodes.put(
          view.name(),
          new Node(
              view.name(), view.gpuModel(), view.usable(), view.allocatable().amounts(), free));
    }
    return new Room(nodes, placements);
  }

  /** Builds a room from nodes directly (tests). */
  static Room of(List<Node> nodeList) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    nodeList.forEach(n -> nodes.put(n.name(), n.copy()));
    return new Room(nodes, new HashMap<>());
  }

  /** An independent copy, to try something out. */
  Room copy() {
    Map<String, Node> copied = new LinkedHashMap<>();
    nodes.forEach((name, n) -> copied.put(name, n.copy()));
    Map<String, List<String>> placed = new HashMap<>();
    placements.forEach((k, v) -> placed.put(k, new ArrayList<>(v)));
    Room copy = new Room(copied, placed);
    copy.reservedFor.putAll(reservedFor);
    copy.holders.addAll(holders);
    return copy;
  }

  /** How many replicas of the attempt are placed (bound, or placed earlier in this pass). */
  int placed(String attempt) {
    return placements.getOrDefault(attempt, List.of()).size();
  }

  /** Nodes the attempt's replicas are placed on, one entry per replica. */
  List<String> placementOf(String attempt) {
    return placements.getOrDefault(attempt, List.of());
  }

  /**
   * Places {@code replicas} replicas for the attempt, all or none; true when they fit. Placed
   * replicas take their room until {@link #release}d.
   */
  boolean place(String attempt, ResourceVector perReplica, String gpuModel, int replicas) {
    Shape shape = holders.contains(attempt) ? null : new Shape(perReplica, gpuModel);
    int first = ordered.length;
    List<String> chosen = new ArrayList<>();
    for (int i = shape == null ? 0 : firstOpen.getOrDefault(shape, 0);
        i < ordered.length && chosen.size() < replicas;
        i++) {
      Node node = ordered[i];
      if (!node.usable() || !matches(node, gpuModel, perReplica) || !openTo(node, attempt)) {
        continue;
      }
      if (fits(node.free(), perReplica)) {
        first = Math.min(first, i);
      }
      while (chosen.size() < replicas && fits(node.free(), perReplica)) {
        take(node.free(), perReplica, -1);
        chosen.add(node.name());
      }
    }
    if (shape != null) {
      firstOpen.put(shape, first);
    }
    if (chosen.size() < replicas) {
      chosen.forEach(name -> take(nodes.get(name).free(), perReplica, +1));
      return false;
    }
    placements.computeIfAbsent(attempt, k -> new ArrayList<>()).addAll(chosen);
    return true;
  }

  /**
   * Keeps nodes for an attempt that waits for room: the nodes of its model closest to holding it
   * now (most of its replicas fit in their free room), until they could hold all its replicas once
   * empty. Returns them, or nothing when the free nodes could not hold it even empty.
   */
  List<String> reserve(String attempt, ResourceVector perReplica, String gpuModel, int replicas) {
    List<Node> candidates =
        nodes.values().stream()
            .filter(n -> n.usable() && matches(n, gpuModel, perReplica) && openTo(n, attempt))
            .sorted(
                java.util.Comparator.comparingLong(
                        (Node n) -> -n.free().getOrDefault(CraterLabels.GPU, 0L))
                    .thenComparingLong(n -> -copiesOf(n.free(), perReplica))
                    .thenComparing(Node::name))
            .toList();
    List<String> chosen = new ArrayList<>();
    long copies = 0;
    for (Node node : candidates) {
      long fit = copiesOf(node.allocatable(), perReplica);
      if (fit > 0) {
        chosen.add(node.name());
        copies += fit;
      }
      if (copies >= replicas) {
        chosen.forEach(name -> reservedFor.put(name, attempt));
        holders.add(attempt);
        return chosen;
      }
    }
    return List.of();
  }

  private boolean openTo(Node node, String attempt) {
    String holder = reservedFor.get(node.name());
    return holder == null || holder.equals(attempt);
  }

  /** Gives the room of every placed replica of the attempt back. */
  void release(String attempt, ResourceVector perReplica) {
    List<String> held = placements.remove(attempt);
    if (held == null) {
      return;
    }
    firstOpen.clear();
    for (String name : held) {
      Node node = nodes.get(name);
      if (node != null) {
        take(node.free(), perReplica, +1);
      }
    }
  }

  /**
   * A what-if for one job's replicas: release attempts and see whether the job would fit, without
   * changing this room. Nodes are copied only as releases touch them, and the count of replicas
   * that would fit is kept up to date node by node.
   */
  Trial trial(String attempt, ResourceVector perReplica, String gpuModel) {
    return new Trial(attempt, perReplica, gpuModel);
  }

  /** See {@link #trial}. */
  final class Trial {
    private final String attempt;
    private final ResourceVector perReplica;
    private final String gpuModel;
    private final Map<String, Map<String, Long>> changed = new HashMap<>();
    private long copies;

    private Trial(String attempt, ResourceVector perReplica, String gpuModel) {
      this.attempt = attempt;
      this.perReplica = perReplica;
      this.gpuModel = gpuModel;
      for (Node node : nodes.values()) {
        copies += copiesOn(node, node.free());
      }
    }

    /** As if the attempt's replicas were gone. */
    void release(String attempt, ResourceVector held) {
      placementOf(attempt).forEach(n -> change(n, held, +1));
    }

    /** Undoes {@link #release}. */
    void retake(String attempt, ResourceVector held) {
      placementOf(attempt).forEach(n -> change(n, held, -1));
    }

    /** True when {@code replicas} of the job's replicas would fit after the releases. */
    boolean canPlace(int replicas) {
      return copies >= replicas;
    }

    private void change(String name, ResourceVector held, int sign) {
      Node node = nodes.get(name);
      if (node == null) {
        return;
      }
      Map<String, Long> free = changed.computeIfAbsent(name, k -> new TreeMap<>(node.free()));
      copies -= copiesOn(node, free);
      take(free, held, sign);
      copies += copiesOn(node, free);
    }

    private long copiesOn(Node node, Map<String, Long> free) {
      return node.usable() && matches(node, gpuModel, perReplica) && openTo(node, attempt)
          ? Math.max(0, Math.min(copiesOf(free, perReplica), Integer.MAX_VALUE))
          : 0;
    }
  }

  /** True when some replica of the attempt sits on a usable node the job could use. */
  boolean touches(String attempt, String gpuModel, ResourceVector perReplica) {
    for (String name : placementOf(attempt)) {
      Node node = nodes.get(name);
      if (node != null && node.usable() && matches(node, gpuModel, perReplica)) {
        return true;
      }
    }
    return false;
  }

  /** True when the replicas would fit on the model's nodes if they were empty and ready. */
  boolean couldEverHold(ResourceVector perReplica, String gpuModel, int replicas) {
    long copies = 0;
    for (Node node : nodes.values()) {
      if (matches(node, gpuModel, perReplica)) {
        copies += copiesOf(node.allocatable(), perReplica);
        if (copies >= replicas) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(Node node, String gpuModel, ResourceVector perReplica) {
    if (gpuModel == null) {
      return perReplica.get(CraterLabels.GPU) == 0 || node.gpuModel() != null;
    }
    return gpuModel.equals(node.gpuModel());
  }

  private static boolean fits(Map<String, Long> free, ResourceVector need) {
    for (Map.Entry<String, Long> e : need.amounts().entrySet()) {
      if (free.getOrDefault(e.getKey(), 0L) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static long copiesOf(Map<String, Long> room, ResourceVector need) {
    long copies = Long.MAX_VALUE;
    for (Map.Entry<String, Long> e : need.amounts().entrySet()) {
      copies = Math.min(copies, room.getOrDefault(e.getKey(), 0L) / e.getValue());
    }
    return copies;
  }

  private static void take(Map<String, Long> free, ResourceVector need, int sign) {
    if (free == null) {
      return;
    }
    need.amounts().forEach((name, amount) -> free.merge(name, sign * amount, Long::sum));
  }
}
