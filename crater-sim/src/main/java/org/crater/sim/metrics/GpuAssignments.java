package org.crater.sim.metrics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which GPUs of its node each running pod holds, as the device plugin would hand them out: the
 * lowest free indices, kept for as long as the pod runs so its series stay the same between
 * scrapes. Not thread-safe: the exporter calls it under its own lock.
 */
final class GpuAssignments {

  /** A pod on a node asking for {@code gpus} GPUs. */
  record Claim(String uid, String node, int gpus) {}

  private record Held(String node, List<Integer> indices) {}

  private final Map<String, Held> held = new HashMap<>();

  /**
   * The GPU indices of every claim (in the order given, so earlier pods keep lower indices), given
   * how many GPUs each node has. Pods no longer claimed release their GPUs first.
   */
  Map<String, List<Integer>> assign(List<Claim> claims, Map<String, Integer> gpusPerNode) {
    Set<String> current = new java.util.HashSet<>();
    claims.forEach(c -> current.add(c.uid()));
    held.keySet().retainAll(current);
    Map<String, BitSet> used = new HashMap<>();
    held.values().forEach(h -> h.indices().forEach(i -> bits(used, h.node()).set(i)));
    Map<String, List<Integer>> out = new HashMap<>();
    for (Claim c : claims) {
      Held h = held.get(c.uid());
      if (h == null || !h.node().equals(c.node())) {
        h = new Held(c.node(), take(bits(used, c.node()), c.gpus(), gpusPerNode.get(c.node())));
        held.put(c.uid(), h);
      }
      out.put(c.uid(), h.indices());
    }
    return out;
  }

  private static List<Integer> take(BitSet used, int wanted, Integer capacity) {
    List<Integer> indices = new ArrayList<>();
    int limit = capacity == null ? 0 : capacity;
    for (int i = used.nextClearBit(0); i < limit && indices.size() < wanted; ) {
      indices.add(i);
      used.set(i);
      i = used.nextClearBit(i + 1);
    }
    return List.copyOf(indices);
  }

  private static BitSet bits(Map<String, BitSet> used, String node) {
    return used.computeIfAbsent(node, n -> new BitSet());
  }
}
