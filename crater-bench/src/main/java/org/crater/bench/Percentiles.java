package org.crater.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles: every value reported is one that was measured. */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The smallest value such that at least {@code p} percent of the values are at or below it.
   *
   * @param p in (0, 100]
   * @return null for no values
   */
  public static Double of(double[] values, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (values.length == 0) {
      return null;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** {@link #of(double[], double)} of measured numbers; NaN for none. */
  public static double of(Collection<? extends Number> values, double p) {
    Double value = of(values.stream().mapToDouble(Number::doubleValue).toArray(), p);
    return value == null ? Double.NaN : value;
  }
}
