package org.crater.ejb.usage;

import java.util.Arrays;
import java.util.Optional;

/** What a usage report sums by: the name used in requests and the column it groups. */
public enum UsageGrouping {
  DAY("day", "u.day"),
  USER("user", "u.username"),
  ACCOUNT("account", "u.account"),
  GPU_MODEL("gpuModel", "u.gpuModel");

  private final String label;
  private final String path;

  UsageGrouping(String label, String path) {
    this.label = label;
    this.path = path;
  }

  /** The name in requests and CSV headers, e.g. {@code gpuModel}. */
  public String label() {
    return label;
  }

  /** The attribute of {@code AttemptUsage u} it groups by, for queries. */
  String path() {
    return path;
  }

  /** The grouping of that name (exact case), if any. */
  public static Optional<UsageGrouping> ofLabel(String label) {
    return Arrays.stream(values()).filter(g -> g.label.equals(label)).findFirst();
  }
}
