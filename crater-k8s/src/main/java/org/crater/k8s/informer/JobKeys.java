package org.crater.k8s.informer;

import io.kubernetes.client.common.KubernetesObject;
import java.util.Map;
import java.util.OptionalLong;
import org.crater.k8s.common.CraterLabels;

/**
 * Reads Crater's job identity from an object's labels. The index key {@code <jobId>/<attempt>}
 * groups all pods of one attempt (a Pod, or every pod of a Volcano job).
 */
public final class JobKeys {

  private JobKeys() {}

  /** The job id label as a number, empty when the object is not Crater's. */
  public static OptionalLong jobId(KubernetesObject obj) {
    String v = label(obj, CraterLabels.JOB_ID);
    if (v == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(v));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The job id label as the informer index key, null when the object is not Crater's. */
  public static String jobIndexKey(KubernetesObject obj) {
    return label(obj, CraterLabels.JOB_ID);
  }

  /** The attempt label as a number, -1 when missing or malformed. */
  public static int attempt(KubernetesObject obj) {
    String v = label(obj, CraterLabels.ATTEMPT);
    try {
      return v == null ? -1 : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@code <jobId>/<attempt>} from the labels, null when either label is missing. */
  public static String indexKey(KubernetesObject obj) {
    String id = label(obj, CraterLabels.JOB_ID);
    String attempt = label(obj, CraterLabels.ATTEMPT);
    return id == null || attempt == null ? null : id + "/" + attempt;
  }

  /** {@code <jobId>/<attempt>}. */
  public static String indexKey(long jobId, int attempt) {
    return jobId + "/" + attempt;
  }

  private static String label(KubernetesObject obj, String key) {
    if (obj == null || obj.getMetadata() == null) {
      return null;
    }
    Map<String, String> labels = obj.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }
}
