package org.crater.k8s.common;

import io.kubernetes.client.custom.Quantity;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable vector of resource amounts in canonical units (see {@link Quantities}): resource
 * name to a whole number. Missing resources count as zero; zero entries are dropped so equal
 * vectors compare equal.
 *
 * @param amounts resource name to canonical amount, sorted by name
 */
public record ResourceAmounts(Map<String, Long> amounts) {

  public static final ResourceAmounts ZERO = new ResourceAmounts(Map.of());

  /** Copies and normalises the map; negative amounts are allowed (an over-committed node). */
  public ResourceAmounts {
    TreeMap<String, Long> copy = new TreeMap<>();
    amounts.forEach(
        (k, v) -> {
          if (v != null && v != 0) {
            copy.put(k, v);
          }
        });
    amounts = java.util.Collections.unmodifiableSortedMap(copy);
  }

  /** Parses Kubernetes quantity strings, e.g. {@code {cpu: "4", memory: "16Gi"}}. */
  public static ResourceAmounts parse(Map<String, String> quantities) {
    Map<String, Long> out = new TreeMap<>();
    if (quantities != null) {
      quantities.forEach((k, v) -> out.put(k, Quantities.canonical(k, v)));
    }
    return new ResourceAmounts(out);
  }

  /** Converts a client-java resource map (requests, capacity...). */
  public static ResourceAmounts of(Map<String, Quantity> quantities) {
    Map<String, Long> out = new TreeMap<>();
    if (quantities != null) {
      quantities.forEach((k, v) -> out.put(k, Quantities.canonical(k, v)));
    }
    return new ResourceAmounts(out);
  }

  /** The amount of one resource, 0 when absent. */
  public long get(String resource) {
    return amounts.getOrDefault(resource, 0L);
  }

  /** Element-wise sum. */
  public ResourceAmounts plus(ResourceAmounts other) {
    Map<String, Long> out = new TreeMap<>(amounts);
    other.amounts.forEach((k, v) -> out.merge(k, v, Long::sum));
    return new ResourceAmounts(out);
  }

  /** Element-wise difference; results may be negative. */
  public ResourceAmounts minus(ResourceAmounts other) {
    Map<String, Long> out = new TreeMap<>(amounts);
    other.amounts.forEach((k, v) -> out.merge(k, -v, Long::sum));
    return new ResourceAmounts(out);
  }

  /** Every amount multiplied by {@code factor}. */
  public ResourceAmounts times(long factor) {
    Map<String, Long> out = new TreeMap<>();
    amounts.forEach((k, v) -> out.put(k, Math.multiplyExact(v, factor)));
    return new ResourceAmounts(out);
  }

  /** Element-wise maximum. */
  public ResourceAmounts max(ResourceAmounts other) {
    Map<String, Long> out = new TreeMap<>(amounts);
    other.amounts.forEach((k, v) -> out.merge(k, v, Math::max));
    return new ResourceAmounts(out);
  }

  /** A copy without negative entries (an over-committed resource counts as nothing free). */
  public ResourceAmounts nonNegative() {
    Map<String, Long> out = new TreeMap<>();
    amounts.forEach((k, v) -> out.put(k, Math.max(0, v)));
    return new ResourceAmounts(out);
  }

  /** True when every resource {@code need} asks for is available here in at least that amount. */
  public boolean covers(ResourceAmounts need) {
    return need.amounts.entrySet().stream().allMatch(e -> e.getValue() <= get(e.getKey()));
  }

  /**
   * How many copies of {@code need} fit here (0 if none; {@link Integer#MAX_VALUE} for an empty
   * need).
   */
  public int copiesOf(ResourceAmounts need) {
    long copies = Integer.MAX_VALUE;
    for (Map.Entry<String, Long> e : need.amounts.entrySet()) {
      if (e.getValue() > 0) {
        copies = Math.min(copies, Math.max(0, get(e.getKey())) / e.getValue());
      }
    }
    return (int) copies;
  }

  /** The amounts as Kubernetes quantity strings. */
  public Map<String, String> toQuantities() {
    Map<String, String> out = new TreeMap<>();
    amounts.forEach((k, v) -> out.put(k, Quantities.format(k, v)));
    return out;
  }
}
