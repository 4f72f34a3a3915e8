package org.crater.ejb.quota;

import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.crater.k8s.common.Quantities;
import org.crater.model.quota.ResourceVector;

/**
 * Translates between Kubernetes quantity strings ({@code 500m}, {@code 16Gi}, {@code 2}) and {@link
 * ResourceVector}s, through client-java's {@code Quantity}. Rejects what no cluster could hold: a
 * resource name that is not a Kubernetes qualified name, a negative or unparsable amount, a
 * fractional GPU, and amounts beyond {@link #MAX_CPU_MILLIS}, {@link #MAX_BYTES} or {@link
 * #MAX_COUNT}.
 */
public final class ResourceQuantities {

  public static final long MAX_CPU_MILLIS = 100_000_000L;
  public static final long MAX_BYTES = 1L << 50;
  public static final long MAX_COUNT = 100_000L;

  private static final Pattern NAME =
      Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[a-z0-9A-Z]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?");

  private ResourceQuantities() {}

  /**
   * Parses {@code name -> quantity}; errors are reported per resource under {@code field.name}.
   *
   * @throws InvalidResourcesException listing every bad entry
   */
  public static ResourceVector parse(String field, Map<String, String> quantities) {
    Map<String, Long> amounts = new TreeMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    if (quantities != null) {
      quantities.forEach(
          (name, text) -> {
            String error = check(name, text);
            if (error != null) {
              errors.put(field + "." + name, error);
            } else {
              amounts.put(name, Quantities.canonical(name, text));
            }
          });
    }
    if (!errors.isEmpty()) {
      throw new InvalidResourcesException(errors);
    }
    return ResourceVector.of(amounts);
  }

  /** Prints a vector as Kubernetes quantities, e.g. {@code {cpu: "500m", memory: "16Gi"}}. */
  public static Map<String, String> format(ResourceVector vector) {
    Map<String, String> out = new TreeMap<>();
    vector.amounts().forEach((name, amount) -> out.put(name, Quantities.format(name, amount)));
    return out;
  }

  /** Prints one canonical amount as a Kubernetes quantity. */
  public static String format(String name, long amount) {
    return amount == 0 ? "0" : Quantities.format(name, amount);
  }

  private static String check(String name, String text) {
    if (name == null || name.length() > 253 || !NAME.matcher(name).matches()) {
      return "not a Kubernetes resource name";
    }
    if (text == null || text.isBlank()) {
      return "missing quantity";
    }
    BigDecimal number;
    try {
      number = Quantity.fromString(text.strip()).getNumber();
    } catch (RuntimeException e) {
      return "not a Kubernetes quantity (e.g. 500m, 4, 16Gi)";
    }
    boolean cpu = Quantities.CPU.equals(name);
    boolean bytes = Quantities.MEMORY.equals(name) || Quantities.EPHEMERAL_STORAGE.equals(name);
    BigDecimal canonical = cpu ? number.movePointRight(3) : number;
    long max = cpu ? MAX_CPU_MILLIS : bytes ? MAX_BYTES : MAX_COUNT;
    if (number.signum() < 0) {
      return "must not be negative";
    }
    if (!cpu && !bytes && canonical.stripTrailingZeros().scale() > 0) {
      return "must be a whole number";
    }
    if (canonical.compareTo(BigDecimal.valueOf(max)) > 0) {
      return "larger than any cluster (at most " + Quantities.format(name, max) + ")";
    }
    return null;
  }
}
