package org.crater.model.quota;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable map from resource name ({@code cpu}, {@code memory}, {@code nvidia.com/gpu}, {@code
 * nvidia.com/a100}...) to a whole amount in canonical units. Invariants: names are sorted, amounts
 * are never negative, zero amounts are dropped, so equal vectors are equal objects.
 *
 * @param amounts resource name to canonical amount
 */
public record ResourceVector(SortedMap<String, Long> amounts) {

  public static final ResourceVector ZERO = new ResourceVector(new TreeMap<>());

  public ResourceVector {
    TreeMap<String, Long> copy = new TreeMap<>();
    amounts.forEach(
        (name, amount) -> {
          if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("resource name must not be blank");
          }
          if (amount == null || amount < 0) {
            throw new IllegalArgumentException("amount of " + name + " must not be negative");
          }
          if (amount > 0) {
            copy.put(name, amount);
          }
        });
    amounts = Collections.unmodifiableSortedMap(copy);
  }

  public static ResourceVector of(Map<String, Long> amounts) {
    return new ResourceVector(new TreeMap<>(amounts));
  }

  /** The amount of one resource; zero when absent. */
  public long get(String resource) {
    return amounts.getOrDefault(resource, 0L);
  }

  public boolean isZero() {
    return amounts.isEmpty();
  }

  public ResourceVector plus(ResourceVector other) {
    TreeMap<String, Long> sum = new TreeMap<>(amounts);
    other.amounts.forEach((name, amount) -> sum.merge(name, amount, Math::addExact));
    return new ResourceVector(sum);
  }

  /** Every amount multiplied by {@code factor} (e.g. per-replica resources times the replicas). */
  public ResourceVector times(int factor) {
    TreeMap<String, Long> product = new TreeMap<>();
    amounts.forEach((name, amount) -> product.put(name, Math.multiplyExact(amount, (long) factor)));
    return new ResourceVector(product);
  }

  /**
   * Element-wise difference, floored at zero (releasing more than was held never goes negative).
   */
  public ResourceVector minus(ResourceVector other) {
    TreeMap<String, Long> difference = new TreeMap<>(amounts);
    other.amounts.forEach(
        (name, amount) -> difference.merge(name, -amount, (a, b) -> Math.max(0, a + b)));
    difference.replaceAll((name, amount) -> Math.max(0, amount));
    return new ResourceVector(difference);
  }

  /** The resources of this vector that are larger than in {@code limit}, in name order. */
  public List<String> exceeding(ResourceVector limit) {
    return amounts.entrySet().stream()
        .filter(e -> e.getValue() > limit.get(e.getKey()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** True when no resource of this vector is larger than in {@code limit}. */
  public boolean fitsWithin(ResourceVector limit) {
    return exceeding(limit).isEmpty();
  }
}
