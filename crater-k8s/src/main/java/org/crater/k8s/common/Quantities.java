package org.crater.k8s.common;

import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts Kubernetes quantities to Crater's canonical whole numbers and back, always through
 * client-java's {@link Quantity} parser: {@code cpu} in millicores, {@code memory} and {@code
 * ephemeral-storage} in bytes, every other resource (GPUs, per-model GPUs, pods) as a count.
 * Fractions round up, so a request never shrinks.
 */
public final class Quantities {

  public static final String CPU = "cpu";
  public static final String MEMORY = "memory";
  public static final String EPHEMERAL_STORAGE = "ephemeral-storage";

  private Quantities() {}

  /**
   * The canonical amount of {@code resource} in a quantity string such as {@code 500m} or {@code
   * 16Gi}.
   */
  public static long canonical(String resource, String quantity) {
    return canonical(resource, Quantity.fromString(quantity.trim()));
  }

  /** The canonical amount of {@code resource} in a parsed quantity. */
  public static long canonical(String resource, Quantity quantity) {
    BigDecimal value = quantity.getNumber();
    if (CPU.equals(resource)) {
      value = value.movePointRight(3);
    }
    return value.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** The Kubernetes quantity string for a canonical amount, e.g. {@code 1500 cpu -> "1500m"}. */
  public static String format(String resource, long canonical) {
    if (CPU.equals(resource)) {
      BigDecimal cores = BigDecimal.valueOf(canonical).movePointLeft(3);
      return new Quantity(cores, Quantity.Format.DECIMAL_SI).toSuffixedString();
    }
    if (MEMORY.equals(resource) || EPHEMERAL_STORAGE.equals(resource)) {
      return new Quantity(BigDecimal.valueOf(canonical), Quantity.Format.BINARY_SI)
          .toSuffixedString();
    }
    return Long.toString(canonical);
  }
}
