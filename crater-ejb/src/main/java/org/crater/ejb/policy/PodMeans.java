package org.crater.ejb.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crater.ejb.gpu.PodRef;
import org.crater.k8s.workload.WorkloadNames;

/** Groups pods' mean GPU utilisation by the attempt they belong to; pure. */
final class PodMeans {

  private PodMeans() {}

  /**
   * The means of the pods in {@code namespace} that belong to a job's attempt, by the name of the
   * attempt's objects ({@code crater-<id>-<attempt>}, the prefix of its pods' names); other pods
   * are left out.
   */
  static Map<String, List<Double>> byAttempt(Map<PodRef, Double> means, String namespace) {
    Map<String, List<Double>> byAttempt = new HashMap<>();
    means.forEach(
        (pod, mean) -> {
          if (pod.namespace().equals(namespace)) {
            WorkloadNames.objectNameOfPod(pod.pod())
                .ifPresent(
                    name -> byAttempt.computeIfAbsent(name, n -> new ArrayList<>()).add(mean));
          }
        });
    return byAttempt;
  }
}
