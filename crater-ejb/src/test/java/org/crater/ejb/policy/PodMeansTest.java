package org.crater.ejb.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.crater.ejb.gpu.PodRef;
import org.junit.jupiter.api.Test;

class PodMeansTest {

  @Test
  void aGangsPodsCountForTheirAttemptAndOthersAreLeftOut() {
    Map<PodRef, Double> means =
        Map.of(
            new PodRef("crater-jobs", "crater-7-2-master-0"), 1.0,
            new PodRef("crater-jobs", "crater-7-2-worker-0"), 2.0,
            new PodRef("crater-jobs", "crater-7-1"), 3.0,
            new PodRef("other", "crater-8-1"), 4.0,
            new PodRef("crater-jobs", "dcgm-exporter-x1"), 5.0);

    Map<String, java.util.List<Double>> byAttempt = PodMeans.byAttempt(means, "crater-jobs");

    assertThat(byAttempt).containsOnlyKeys("crater-7-2", "crater-7-1");
    assertThat(byAttempt.get("crater-7-2")).containsExactlyInAnyOrder(1.0, 2.0);
    assertThat(byAttempt.get("crater-7-1")).containsExactly(3.0);
  }
}
