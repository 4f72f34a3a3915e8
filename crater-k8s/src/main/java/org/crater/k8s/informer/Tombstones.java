package org.crater.k8s.informer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crater.k8s.pod.PodObservation;

/**
 * Bounded memory of pods that vanished without Crater deleting them, keyed by {@code
 * <jobId>/<attempt>}. Attempts Crater itself deletes are marked "expected" first and never
 * recorded. The oldest keys are dropped beyond the capacity. Thread-safe.
 */
final class Tombstones {

  private final int capacity;
  private final Map<String, List<PodObservation>> byKey;
  private final Map<String, Boolean> expected;

  Tombstones(int capacity) {
    this.capacity = capacity;
    this.byKey = lru();
    this.expected = lru();
  }

  synchronized void expect(String key) {
    expected.put(key, Boolean.TRUE);
    byKey.remove(key);
  }

  synchronized void unexpect(String key) {
    expected.remove(key);
  }

  synchronized void record(String key, PodObservation pod) {
    if (expected.containsKey(key)) {
      return;
    }
    List<PodObservation> list = byKey.computeIfAbsent(key, k -> new ArrayList<>());
    list.removeIf(p -> p.name() != null && p.name().equals(pod.name()));
    list.add(pod);
  }

  synchronized List<PodObservation> get(String key) {
    List<PodObservation> list = byKey.get(key);
    return list == null ? List.of() : List.copyOf(list);
  }

  private <V> Map<String, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
