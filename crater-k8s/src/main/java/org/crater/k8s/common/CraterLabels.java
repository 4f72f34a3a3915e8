package org.crater.k8s.common;

import java.util.Locale;

/**
 * Label and annotation keys Crater puts on every object it creates. The pair {@code job-id} +
 * {@code attempt} identifies one attempt of one job; {@link #MANAGED_BY} = {@link #MANAGER} marks
 * everything Crater owns.
 */
public final class CraterLabels {

  public static final String JOB_ID = "crater.io/job-id";
  public static final String ATTEMPT = "crater.io/attempt";
  public static final String USER = "crater.io/user";
  public static final String ACCOUNT = "crater.io/account";
  public static final String SLO = "crater.io/slo";
  public static final String KIND = "crater.io/kind";
  public static final String TASK = "crater.io/task";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "crater";
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGER;
  public static final String GPU_PRODUCT = "nvidia.com/gpu.product";
  public static final String GPU = "nvidia.com/gpu";

  private CraterLabels() {}

  /**
   * A valid label value from free text: at most 63 characters of {@code [A-Za-z0-9._-]}, starting
   * and ending alphanumeric. Other characters become {@code _}.
   */
  public static String safeValue(String raw) {
    if (raw == null) {
      return "";
    }
    String v = raw.replaceAll("[^A-Za-z0-9._-]", "_");
    if (v.length() > 63) {
      v = v.substring(0, 63);
    }
    v = v.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    return v;
  }

  /** The label value for an enum constant: lower case with dashes, e.g. {@code best-effort}. */
  public static String enumValue(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
