package org.crater.k8s.pod;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.support.Specs;
import org.crater.k8s.workload.Mount;
import org.crater.k8s.workload.NodeLossPolicy;
import org.crater.k8s.workload.NotebookIngress;
import org.crater.k8s.workload.Slo;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodTemplatesTest {

  @Test
  void podHasDeterministicNameLabelsAndTypeMeta() {
    V1Pod pod = PodTemplates.pod(Specs.aJob().jobId(7).attempt(3).build(), Specs.settings());
    assertThat(pod.getKind()).isEqualTo("Pod");
    assertThat(pod.getApiVersion()).isEqualTo("v1");
    assertThat(pod.getMetadata().getName()).isEqualTo("crater-7-3");
    assertThat(pod.getMetadata().getNamespace()).isEqualTo("crater-jobs");
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("crater.io/job-id", "7")
        .containsEntry("crater.io/attempt", "3")
        .containsEntry("crater.io/user", "alice")
        .containsEntry("crater.io/account", "ml")
        .containsEntry("crater.io/slo", "guaranteed")
        .containsEntry("app.kubernetes.io/managed-by", "crater");
  }

  @Test
  void sendsNoOverheadWhichTheApiServerRefusesWithoutRuntimeClass() {
    V1Pod pod = PodTemplates.pod(Specs.aJob().build(), Specs.settings());
    JsonObject json = JsonParser.parseString(JSON.serialize(pod)).getAsJsonObject();
    assertThat(json.getAsJsonObject("spec").has("overhead")).isFalse();
    assertThat(json.getAsJsonObject("spec").has("containers")).isTrue();
  }

  @Test
  void toleratesNodeLossForTheConfiguredSecondsOnly() {
    WorkloadSettings settings =
        Specs.settings().withNodeLoss(new NodeLossPolicy(7, 11, Duration.ofSeconds(5)));
    V1Pod pod = PodTemplates.pod(Specs.aJob().build(), settings);
    assertThat(pod.getSpec().getTolerations())
        .extracting(
            t -> t.getKey(),
            t -> t.getOperator(),
            t -> t.getEffect(),
            t -> t.getTolerationSeconds())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "node.kubernetes.io/not-ready", "Exists", "NoExecute", 7L),
            org.assertj.core.groups.Tuple.tuple(
                "node.kubernetes.io/unreachable", "Exists", "NoExecute", 11L));
  }

  @Test
  void requestsEqualLimitsAndRestartNever() {
    V1Pod pod = PodTemplates.pod(Specs.aJob().build(), Specs.settings());
    V1Container c = pod.getSpec().getContainers().get(0);
    assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(c.getResources().getRequests()).isEqualTo(c.getResources().getLimits());
    assertThat(c.getResources().getLimits())
        .containsEntry("nvidia.com/gpu", Quantity.fromString("1"))
        .containsEntry("memory", Quantity.fromString("16Gi"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"GUARANTEED, crater-guaranteed", "BEST_EFFORT, crater-best-effort"})
  void priorityClassFollowsSlo(Slo slo, String priorityClass) {
    V1Pod pod = PodTemplates.pod(Specs.aJob().slo(slo).build(), Specs.settings());
    assertThat(pod.getSpec().getPriorityClassName()).isEqualTo(priorityClass);
  }

  @Test
  void mountsShmInMemoryAndPvcsWithSubPathAndReadOnly() {
    WorkloadSpec spec =
        Specs.aJob()
            .mount(new Mount("home", "users/alice", "/home/alice", false))
            .mount(new Mount("datasets", "imagenet", "/data/imagenet", true))
            .build();
    V1Pod pod = PodTemplates.pod(spec, Specs.settings());
    assertThat(pod.getSpec().getVolumes())
        .anySatisfy(v -> assertThat(v.getEmptyDir().getMedium()).isEqualTo("Memory"))
        .filteredOn(v -> v.getPersistentVolumeClaim() != null)
        .anySatisfy(
            v -> {
              assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("datasets");
              assertThat(v.getPersistentVolumeClaim().getReadOnly()).isTrue();
            });
    assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts())
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/dev/shm"))
        .filteredOn(m -> m.getSubPath() != null)
        .anySatisfy(
            m -> {
              assertThat(m.getMountPath()).isEqualTo("/data/imagenet");
              assertThat(m.getSubPath()).isEqualTo("imagenet");
              assertThat(m.getReadOnly()).isTrue();
            });
  }

  @Test
  void nodesKeptForOtherJobsAreAvoidedByName() {
    V1Pod plain = PodTemplates.pod(Specs.aJob().build(), Specs.settings());
    V1Pod away =
        PodTemplates.pod(Specs.aJob().build().avoiding(List.of("a2", "a1")), Specs.settings());

    assertThat(plain.getSpec().getAffinity()).isNull();
    var term =
        away.getSpec()
            .getAffinity()
            .getNodeAffinity()
            .getRequiredDuringSchedulingIgnoredDuringExecution()
            .getNodeSelectorTerms()
            .get(0)
            .getMatchFields()
            .get(0);
    assertThat(term.getKey()).isEqualTo("metadata.name");
    assertThat(term.getOperator()).isEqualTo("NotIn");
    assertThat(term.getValues()).containsExactly("a1", "a2");
  }

  @Test
  void gpuModelBecomesNodeSelector() {
    V1Pod pod = PodTemplates.pod(Specs.aJob().gpuModel("A100").build(), Specs.settings());
    assertThat(pod.getSpec().getNodeSelector()).isEqualTo(Map.of("nvidia.com/gpu.product", "A100"));
    V1Pod any = PodTemplates.pod(Specs.aJob().build(), Specs.settings());
    assertThat(any.getSpec().getNodeSelector()).isNullOrEmpty();
  }

  @Test
  void commandArgsEnvAndAnnotationsAreCopied() {
    WorkloadSpec spec =
        Specs.aJob()
            .command(List.of("python"))
            .args(List.of("train.py", "--epochs=3"))
            .env(Map.of("SEED", "1"))
            .workingDir("/work")
            .annotation("sim.crater.io/run-ms", "500")
            .build();
    V1Pod pod = PodTemplates.pod(spec, Specs.settings());
    V1Container c = pod.getSpec().getContainers().get(0);
    assertThat(c.getCommand()).containsExactly("python");
    assertThat(c.getArgs()).containsExactly("train.py", "--epochs=3");
    assertThat(c.getWorkingDir()).isEqualTo("/work");
    assertThat(c.getEnv()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("SEED"));
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("sim.crater.io/run-ms", "500");
  }

  @Test
  void jupyterGetsTokenPortAndService() {
    WorkloadSpec spec = Specs.aJob().kind(WorkloadKinds.JUPYTER).build();
    V1Pod pod = PodTemplates.pod(spec, Specs.settings());
    String token = Specs.settings().accessSecret(spec);
    assertThat(pod.getSpec().getContainers().get(0).getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("JUPYTER_TOKEN");
              assertThat(e.getValue()).isEqualTo(token);
            });
    V1Service svc = ServiceTemplates.interactive(spec, Specs.settings());
    assertThat(svc.getKind()).isEqualTo("Service");
    assertThat(svc.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(svc.getSpec().getPorts().get(0).getPort()).isEqualTo(8888);
    assertThat(svc.getSpec().getSelector())
        .containsEntry("crater.io/job-id", "42")
        .containsEntry("crater.io/attempt", "1");
  }

  @Test
  void aPublishedNotebookGetsItsIngressPathAsBaseUrl() {
    WorkloadSpec spec =
        Specs.aJob()
            .kind(WorkloadKinds.JUPYTER)
            .attempt(3)
            .env(Map.of("NOTEBOOK_ARGS", "--ServerApp.root_dir=/data", "SEED", "1"))
            .build();
    WorkloadSettings published =
        Specs.settings()
            .withNotebooks(
                new NotebookIngress(true, null, "nb.lab.org", "/jupyter/", null, null, null));

    Map<String, String> env = envOf(PodTemplates.pod(spec, published));
    Map<String, String> inCluster = envOf(PodTemplates.pod(spec, Specs.settings()));

    assertThat(env)
        .containsEntry("CRATER_NOTEBOOK_BASE_URL", "/jupyter/crater-42-3/")
        .containsEntry("NB_PREFIX", "/jupyter/crater-42-3")
        .containsEntry(
            "NOTEBOOK_ARGS",
            "--ServerApp.root_dir=/data --ServerApp.base_url=/jupyter/crater-42-3/")
        .containsEntry("SEED", "1")
        .containsKey("JUPYTER_TOKEN");
    assertThat(PodTemplates.pod(spec, published).getSpec().getContainers().get(0).getEnv())
        .filteredOn(e -> e.getName().equals("NOTEBOOK_ARGS"))
        .hasSize(1);
    assertThat(inCluster)
        .containsEntry("NOTEBOOK_ARGS", "--ServerApp.root_dir=/data")
        .doesNotContainKeys("CRATER_NOTEBOOK_BASE_URL", "NB_PREFIX");
  }

  private static Map<String, String> envOf(V1Pod pod) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    pod.getSpec().getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
    return env;
  }
}
