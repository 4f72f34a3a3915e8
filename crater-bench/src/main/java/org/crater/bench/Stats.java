package org.crater.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a sample, nearest-rank. */
public final class Stats {

  private final double[] sorted;

  private Stats(double[] sorted) {
    this.sorted = sorted;
  }

  public static Stats of(Collection<? extends Number> values) {
    double[] v = values.stream().mapToDouble(Number::doubleValue).toArray();
    Arrays.sort(v);
    return new Stats(v);
  }

  public int count() {
    return sorted.length;
  }

  /** The {@code p}-th percentile (0–100) by nearest rank; NaN for an empty sample. */
  public double percentile(double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }
}
