package org.crater.ejb.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crater.model.quota.ResourceVector;
import org.junit.jupiter.api.Test;

class NodeInfoTest {

  private static final NodeInfo NODE =
      new NodeInfo(
          "a100-node-0",
          true,
          true,
          "A100",
          ResourceVector.of(Map.of()),
          ResourceVector.of(Map.of()),
          ResourceVector.of(Map.of()),
          ResourceVector.of(Map.of()),
          4,
          2,
          List.of(
              "crater-jobs/crater-1001-1",
              "crater-jobs/crater-1002-1-worker-0",
              "kube-system/nvidia-device-plugin-x7",
              "other/someone-elses-pod"),
          List.of(1001L, 1002L));

  @Test
  void aReaderSeesThePodsAndIdsOfTheirOwnJobsOnlyAndEveryCount() {
    NodeInfo seen = NODE.seenBy(Set.of(1002L));

    assertThat(seen.pods()).containsExactly("crater-jobs/crater-1002-1-worker-0");
    assertThat(seen.jobs()).containsExactly(1002L);
    assertThat(seen.podCount()).isEqualTo(4);
    assertThat(seen.jobCount()).isEqualTo(2);
  }

  @Test
  void aReaderWithoutJobsThereSeesNoNameAtAll() {
    NodeInfo seen = NODE.seenBy(Set.of());

    assertThat(seen.pods()).isEmpty();
    assertThat(seen.jobs()).isEmpty();
    assertThat(seen.name()).isEqualTo("a100-node-0");
  }
}
