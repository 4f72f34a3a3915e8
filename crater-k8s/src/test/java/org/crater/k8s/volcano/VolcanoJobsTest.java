package org.crater.k8s.volcano;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.support.Specs;
import org.crater.k8s.workload.Slo;
import org.crater.k8s.workload.WorkloadPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolcanoJobsTest {

  @Test
  void pytorchGangHasMasterAndWorkersAndAllOrNothing() {
    DynamicKubernetesObject job =
        VolcanoJobs.job(
            Specs.aJob().kind(WorkloadKinds.PYTORCH).replicas(4).slo(Slo.BEST_EFFORT).build(),
            Specs.settings());
    JsonObject raw = job.getRaw();
    assertThat(job.getApiVersion()).isEqualTo("batch.volcano.sh/v1alpha1");
    assertThat(job.getKind()).isEqualTo("Job");
    assertThat(job.getMetadata().getName()).isEqualTo("crater-42-1");
    assertThat(job.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "crater");
    JsonObject spec = raw.getAsJsonObject("spec");
    assertThat(spec.get("schedulerName").getAsString()).isEqualTo("volcano");
    assertThat(spec.get("minAvailable").toString()).isEqualTo("4");
    assertThat(spec.get("queue").getAsString()).isEqualTo("ml");
    assertThat(spec.get("priorityClassName").getAsString()).isEqualTo("crater-best-effort");
    assertThat(spec.getAsJsonObject("plugins").keySet())
        .containsExactlyInAnyOrder("pytorch", "svc", "env");
    JsonArray tasks = spec.getAsJsonArray("tasks");
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).getAsJsonObject().get("name").getAsString()).isEqualTo("master");
    assertThat(tasks.get(0).getAsJsonObject().get("replicas").getAsInt()).isEqualTo(1);
    assertThat(tasks.get(1).getAsJsonObject().get("replicas").getAsInt()).isEqualTo(3);
  }

  @Test
  void tensorflowGangHasAParameterServerAndWorkersWhoseCompletionEndsIt() {
    JsonObject spec =
        VolcanoJobs.job(
                Specs.aJob().kind(WorkloadKinds.TENSORFLOW).replicas(3).build(), Specs.settings())
            .getRaw()
            .getAsJsonObject("spec");
    assertThat(spec.get("minAvailable").getAsInt()).isEqualTo(3);
    assertThat(spec.getAsJsonObject("plugins").getAsJsonArray("tensorflow").toString())
        .isEqualTo("[\"--ps=ps\",\"--worker=worker\",\"--port=2222\"]");
    JsonArray tasks = spec.getAsJsonArray("tasks");
    JsonObject ps = tasks.get(0).getAsJsonObject();
    JsonObject workers = tasks.get(1).getAsJsonObject();
    assertThat(ps.get("name").getAsString()).isEqualTo("ps");
    assertThat(ps.get("replicas").getAsInt()).isEqualTo(1);
    assertThat(ps.has("policies")).isFalse();
    assertThat(workers.get("name").getAsString()).isEqualTo("worker");
    assertThat(workers.get("replicas").getAsInt()).isEqualTo(2);
    assertThat(workers.getAsJsonArray("policies").toString())
        .isEqualTo("[{\"event\":\"TaskCompleted\",\"action\":\"CompleteJob\"}]");
  }

  @Test
  void taskTemplatesCarryLabelsPriorityAndResources() {
    JsonObject task =
        VolcanoJobs.job(Specs.aJob().replicas(2).build(), Specs.settings())
            .getRaw()
            .getAsJsonObject("spec")
            .getAsJsonArray("tasks")
            .get(0)
            .getAsJsonObject();
    JsonObject template = task.getAsJsonObject("template");
    assertThat(task.get("name").getAsString()).isEqualTo("worker");
    assertThat(
            template
                .getAsJsonObject("metadata")
                .getAsJsonObject("labels")
                .get("crater.io/job-id")
                .getAsString())
        .isEqualTo("42");
    JsonObject podSpec = template.getAsJsonObject("spec");
    assertThat(podSpec.get("priorityClassName").getAsString()).isEqualTo("crater-guaranteed");
    assertThat(podSpec.get("restartPolicy").getAsString()).isEqualTo("Never");
    JsonObject limits =
        podSpec
            .getAsJsonArray("containers")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("resources")
            .getAsJsonObject("limits");
    assertThat(limits.get("nvidia.com/gpu").getAsString()).isEqualTo("1");
    assertThat(limits.get("memory").getAsString()).isEqualTo("16Gi");
  }

  @Test
  void queueIsDefaultWhenNotPerAccount() {
    var settings =
        new org.crater.k8s.workload.WorkloadSettings(
            "ns", false, false, "cluster.local", "s", null, null, null);
    JsonObject spec =
        VolcanoJobs.job(Specs.aJob().replicas(2).build(), settings)
            .getRaw()
            .getAsJsonObject("spec");
    assertThat(spec.get("queue").getAsString()).isEqualTo("default");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Pending, PENDING", "Inqueue, PENDING", "Running, RUNNING", "Restarting, RUNNING",
    "Completing, RUNNING", "Completed, SUCCEEDED", "Failed, FAILED", "Aborted, FAILED",
    "Terminated, FAILED"
  })
  void mapsVolcanoPhases(String volcano, WorkloadPhase expected) {
    assertThat(VolcanoJobStatus.phaseOf(volcano)).isEqualTo(expected);
  }

  @Test
  void readsStatusCountersEvenAsDoubles() {
    JsonObject raw =
        JsonParser.parseString(
                "{\"metadata\":{\"name\":\"x\"},\"status\":{\"state\":{\"phase\":\"Running\"},"
                    + "\"running\":2.0,\"succeeded\":1,\"failed\":0}}")
            .getAsJsonObject();
    VolcanoJobStatus s = VolcanoJobStatus.of(new DynamicKubernetesObject(raw));
    assertThat(s.phase()).isEqualTo(WorkloadPhase.RUNNING);
    assertThat(s.running()).isEqualTo(2);
    assertThat(s.succeeded()).isEqualTo(1);
  }

  @Test
  void missingStatusReadsAsPending() {
    JsonObject raw = JsonParser.parseString("{\"metadata\":{\"name\":\"x\"}}").getAsJsonObject();
    assertThat(VolcanoJobStatus.of(new DynamicKubernetesObject(raw)).phase())
        .isEqualTo(WorkloadPhase.PENDING);
  }
}
