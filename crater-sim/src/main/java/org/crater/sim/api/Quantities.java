package org.crater.sim.api;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ({@code 500m}, {@code 64}, {@code 512Gi}, {@code 1e3}). */
public final class Quantities {
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("", BigDecimal.ONE),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private Quantities() {}

  /** The quantity in thousandths of its unit (milli-CPU, milli-bytes, milli-GPUs). */
  public static long milli(String quantity) {
    String q = quantity.trim();
    int split = q.length();
    while (split > 0 && Character.isLetter(q.charAt(split - 1))) {
      split--;
    }
    String number = q.substring(0, split);
    String suffix = q.substring(split);
    BigDecimal factor = SUFFIXES.get(suffix);
    if (factor == null && suffix.matches("[eE]")) {
      factor = BigDecimal.ONE;
      number = q;
    }
    if (factor == null || number.isEmpty()) {
      throw new IllegalArgumentException("not a quantity: " + quantity);
    }
    return new BigDecimal(number).multiply(factor).movePointRight(3).longValue();
  }
}
