package org.crater.k8s.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crater.k8s.kind.WorkloadKind.VolcanoTask;
import org.junit.jupiter.api.Test;

class WorkloadKindsTest {

  @Test
  void everyKindIsFoundByItsNameAndItsLabel() {
    assertThat(WorkloadKinds.all()).hasSize(5);
    for (WorkloadKind kind : WorkloadKinds.all()) {
      assertThat(WorkloadKinds.of(kind.name())).isSameAs(kind);
      assertThat(WorkloadKinds.ofLabel(kind.labelValue())).containsSame(kind);
    }
  }

  @Test
  void anUnregisteredNameIsRefusedByName() {
    assertThatThrownBy(() -> WorkloadKinds.of("SPARK"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SPARK");
    assertThat(WorkloadKinds.ofLabel("spark")).isEmpty();
    assertThat(WorkloadKinds.ofLabel(null)).isEmpty();
  }

  @Test
  void aBatchJobsReplicasAreAllWorkers() {
    assertThat(WorkloadKinds.BATCH.tasks(3)).containsExactly(new VolcanoTask("worker", 3));
    assertThat(WorkloadKinds.BATCH.gang()).isFalse();
    assertThat(WorkloadKinds.BATCH.multiReplica()).isFalse();
    assertThat(WorkloadKinds.BATCH.primaryTask()).isEmpty();
  }

  @Test
  void aPyTorchGangHasOneMasterAndTheRestWorkers() {
    assertThat(WorkloadKinds.PYTORCH.tasks(4))
        .containsExactly(new VolcanoTask("master", 1), new VolcanoTask("worker", 3));
    assertThat(WorkloadKinds.PYTORCH.tasks(1)).containsExactly(new VolcanoTask("master", 1));
    assertThat(WorkloadKinds.PYTORCH.volcanoPlugins())
        .containsEntry("pytorch", List.of("--master=master", "--worker=worker", "--port=23456"));
    assertThat(WorkloadKinds.PYTORCH.primaryTask()).contains("master");
    assertThat(WorkloadKinds.PYTORCH.gang()).isTrue();
  }

  @Test
  void aNotebookIsInteractiveAndKeepsItsTokenVariableToItself() {
    assertThat(WorkloadKinds.JUPYTER.interactive())
        .contains(
            new WorkloadKind.Interactive(
                "notebook", 8888, "JUPYTER_TOKEN", "token", "token", false));
    assertThat(WorkloadKinds.JUPYTER.reservedEnv()).containsKey("JUPYTER_TOKEN");
    assertThat(WorkloadKinds.BATCH.interactive()).isEmpty();
  }

  @Test
  void aTensorFlowGangHasOneParameterServerAndTheRestWorkers() {
    assertThat(WorkloadKinds.TENSORFLOW.tasks(4))
        .containsExactly(new VolcanoTask("ps", 1), new VolcanoTask("worker", 3));
    assertThat(WorkloadKinds.TENSORFLOW.minReplicas()).isEqualTo(2);
    assertThat(WorkloadKinds.TENSORFLOW.volcanoPlugins())
        .containsEntry("tensorflow", List.of("--ps=ps", "--worker=worker", "--port=2222"));
    assertThat(WorkloadKinds.TENSORFLOW.primaryTask()).contains("worker");
    assertThat(WorkloadKinds.TENSORFLOW.reservedEnv()).containsKey("TF_CONFIG");
  }
}
