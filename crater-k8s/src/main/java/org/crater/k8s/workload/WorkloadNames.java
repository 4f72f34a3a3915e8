package org.crater.k8s.workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crater.k8s.common.CraterLabels;

/**
 * Deterministic names and labels: one attempt of one job is always {@code crater-<jobId>-<attempt>}
 * with the same labels, so creating it twice yields 409 (treated as success) and a requeued attempt
 * never collides with the old one.
 */
public final class WorkloadNames {

  private static final Pattern NAME = Pattern.compile("crater-(\\d+)-(\\d+)");
  private static final Pattern POD = Pattern.compile("(crater-(\\d+)-\\d+)(?:-.+)?");

  private WorkloadNames() {}

  /** {@code crater-<jobId>-<attempt>}. */
  public static String objectName(long jobId, int attempt) {
    return "crater-" + jobId + "-" + attempt;
  }

  /** The job id encoded in an object name made by {@link #objectName}, if it is one. */
  public static OptionalLong jobIdOf(String objectName) {
    Matcher m = NAME.matcher(objectName == null ? "" : objectName);
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /**
   * The attempt's object name a pod belongs to: the pod's own name for a single-pod job, the
   * Volcano job's name for its member pods ({@code crater-<jobId>-<attempt>-<task>-<index>}).
   */
  public static Optional<String> objectNameOfPod(String podName) {
    Matcher m = POD.matcher(podName == null ? "" : podName);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The job id of a pod named after its attempt, if it is one. */
  public static OptionalLong jobIdOfPod(String podName) {
    Matcher m = POD.matcher(podName == null ? "" : podName);
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(2))) : OptionalLong.empty();
  }

  /** The labels every object of this attempt carries (Pod, Volcano job, pod templates, Service). */
  public static Map<String, String> labels(WorkloadSpec spec) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(CraterLabels.JOB_ID, Long.toString(spec.jobId()));
    labels.put(CraterLabels.ATTEMPT, Integer.toString(spec.attempt()));
    labels.put(CraterLabels.USER, CraterLabels.safeValue(spec.user()));
    labels.put(CraterLabels.ACCOUNT, CraterLabels.safeValue(spec.account()));
    labels.put(CraterLabels.SLO, CraterLabels.enumValue(spec.slo()));
    labels.put(CraterLabels.KIND, spec.kind().labelValue());
    labels.put(CraterLabels.MANAGED_BY, CraterLabels.MANAGER);
    return labels;
  }

  /** The labels that select exactly the pods of one attempt. */
  public static Map<String, String> selector(long jobId, int attempt) {
    return Map.of(
        CraterLabels.JOB_ID, Long.toString(jobId), CraterLabels.ATTEMPT, Integer.toString(attempt));
  }

  /** {@link #selector} as a label-selector string. */
  public static String selectorString(long jobId, int attempt) {
    return CraterLabels.JOB_ID + "=" + jobId + "," + CraterLabels.ATTEMPT + "=" + attempt;
  }
}
