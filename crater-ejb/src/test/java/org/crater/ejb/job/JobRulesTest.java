package org.crater.ejb.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.crater.ejb.dataset.MountGrants;
import org.crater.ejb.node.NodeShape;
import org.crater.ejb.quota.ResourceQuantities;
import org.crater.model.dataset.Dataset;
import org.crater.model.dataset.DatasetKind;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobMount;
import org.crater.model.job.JobRequest;
import org.crater.model.job.Slo;
import org.crater.model.job.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobRulesTest {

  /**
   * Two A100 nodes (64 CPUs, 256 GiB, 8 GPUs), a V100 node with less CPU but more memory (32 CPUs,
   * 512 GiB, 8 GPUs) and a CPU-only node.
   */
  static final List<NodeShape> NODES =
      List.of(
          node("A100", "64", "256Gi", "8"),
          node("A100", "64", "256Gi", "8"),
          node("V100", "32", "512Gi", "8"),
          node(null, "16", "64Gi", "0"));

  static final Set<String> MODELS = Set.of("A100", "V100");

  static final MountGrants HOME =
      MountGrants.of(
          List.of(
              new Dataset(
                  "home",
                  DatasetKind.SHARE_DIR,
                  "home-alice",
                  "",
                  false,
                  null,
                  Instant.parse("2026-11-28T10:00:00Z"))));

  static NodeShape node(String model, String cpu, String memory, String gpus) {
    return new NodeShape(
        model,
        ResourceQuantities.parse(
            "allocatable", Map.of("cpu", cpu, "memory", memory, "nvidia.com/gpu", gpus)));
  }

  /** A submission to change case by case; valid as it starts. */
  static final class Draft {
    String name = "resnet";
    JobKind kind = JobKind.BATCH;
    List<String> command = new ArrayList<>(List.of("python", "train.py"));
    List<String> args = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    String workingDir;
    Map<String, String> resources =
        new LinkedHashMap<>(Map.of("cpu", "4", "memory", "16Gi", "nvidia.com/gpu", "1"));
    String gpuModel = "A100";
    int replicas = 1;
    List<JobMount> mounts = new ArrayList<>();

    Draft mount(String mountPath) {
      mounts.add(new JobMount("home-alice", "", mountPath, false));
      return this;
    }

    JobRequest request() {
      return new JobRequest(
          name,
          kind,
          TaskType.TRAINING,
          Slo.BEST_EFFORT,
          "pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime",
          command,
          args,
          env,
          workingDir,
          ResourceQuantities.parse("resources", resources),
          gpuModel,
          replicas,
          mounts,
          null);
    }
  }

  static Arguments valid(String name, Consumer<Draft> change) {
    return Arguments.of(name, change, null, null);
  }

  static Arguments refused(String name, Consumer<Draft> change, String field, String reason) {
    return Arguments.of(name, change, field, reason);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        valid("a plain one-GPU job", d -> {}),
        valid("a CPU-only job anywhere", d -> d.resources = Map.of("cpu", "8", "memory", "8Gi")),
        valid("mounts at distinct absolute paths", d -> d.mount("/data").mount("/home/alice")),
        valid("an absolute working directory", d -> d.workingDir = "/workspace/run-1"),
        valid("JUPYTER_TOKEN in a batch job", d -> d.env.put("JUPYTER_TOKEN", "mine")),
        valid("PASSWORD in a batch job", d -> d.env.put("PASSWORD", "mine")),
        valid("a WebIDE with one GPU", d -> d.kind = JobKind.WEBIDE),
        valid("a whole A100 node", d -> d.resources = Map.of("cpu", "64", "nvidia.com/gpu", "8")),
        valid(
            "a gang over both A100 nodes",
            d -> {
              d.kind = JobKind.PYTORCH;
              d.replicas = 2;
              d.resources = Map.of("nvidia.com/gpu", "8");
            }),
        refused("a relative mount path", d -> d.mount("data"), "mounts[0].mountPath", "absolute"),
        refused("the root as mount path", d -> d.mount("/"), "mounts[0].mountPath", "root"),
        refused("Crater's own /dev/shm", d -> d.mount("/dev/shm"), "mounts[0].mountPath", "shm"),
        refused("inside /dev/shm", d -> d.mount("/dev/shm/x"), "mounts[0].mountPath", "shm"),
        refused("inside /proc", d -> d.mount("/proc/x"), "mounts[0].mountPath", "/proc"),
        refused(
            "two mounts at one path",
            d -> d.mount("/data").mount("/data"),
            "mounts[1].mountPath",
            "differ"),
        refused("a colon in a mount path", d -> d.mount("/data:rw"), "mounts[0].mountPath", "':'"),
        refused("NUL in a mount path", d -> d.mount("/da\0ta"), "mounts[0].mountPath", "control"),
        refused(
            "a mount path climbing up",
            d -> d.mount("/data/../etc"),
            "mounts[0].mountPath",
            "'..'"),
        refused(
            "1000 GPUs",
            d -> d.resources.put("nvidia.com/gpu", "1000"),
            "resources.nvidia.com/gpu",
            "more than any A100 node has (at most 8)"),
        refused(
            "1Ki GPUs",
            d -> d.resources.put("nvidia.com/gpu", "1Ki"),
            "resources.nvidia.com/gpu",
            "at most 8"),
        refused(
            "more CPUs than any A100 node",
            d -> d.resources.put("cpu", "100"),
            "resources.cpu",
            "at most 64"),
        refused(
            "nine GPUs of any model",
            d -> {
              d.gpuModel = null;
              d.resources.put("nvidia.com/gpu", "9");
            },
            "resources.nvidia.com/gpu",
            "more than any node has"),
        refused(
            "what no single node has at once",
            d -> {
              d.gpuModel = null;
              d.resources = Map.of("cpu", "48", "memory", "400Gi", "nvidia.com/gpu", "1");
            },
            "resources",
            "no single node"),
        refused(
            "a gang larger than all A100 nodes together",
            d -> {
              d.kind = JobKind.PYTORCH;
              d.replicas = 3;
              d.resources = Map.of("nvidia.com/gpu", "8");
            },
            "replicas",
            "at most 2 replicas"),
        valid(
            "a TensorFlow gang of a parameter server and a worker",
            d -> {
              d.kind = JobKind.TENSORFLOW;
              d.replicas = 2;
            }),
        refused(
            "a TensorFlow job without a worker",
            d -> d.kind = JobKind.TENSORFLOW,
            "replicas",
            "at least 2 replicas"),
        refused(
            "TF_CONFIG in a TensorFlow job",
            d -> {
              d.kind = JobKind.TENSORFLOW;
              d.replicas = 2;
              d.env.put("TF_CONFIG", "{}");
            },
            "env.TF_CONFIG",
            "per pod"),
        refused(
            "an upper-case GPU resource name",
            d -> d.resources = Map.of("nvidia.com/GPU", "1"),
            "resources.nvidia.com/GPU",
            "not a resource Crater schedules"),
        refused(
            "pods as a resource",
            d -> d.resources.put("pods", "3"),
            "resources.pods",
            "not a resource Crater schedules"),
        refused(
            "Crater's own job id",
            d -> d.env.put("CRATER_JOB_ID", "7"),
            "env.CRATER_JOB_ID",
            "Crater's own"),
        refused(
            "JUPYTER_TOKEN in a notebook",
            d -> {
              d.kind = JobKind.JUPYTER;
              d.env.put("JUPYTER_TOKEN", "guessable");
            },
            "env.JUPYTER_TOKEN",
            "token"),
        refused(
            "PASSWORD in a WebIDE",
            d -> {
              d.kind = JobKind.WEBIDE;
              d.env.put("PASSWORD", "guessable");
            },
            "env.PASSWORD",
            "password"),
        refused(
            "HASHED_PASSWORD in a WebIDE",
            d -> {
              d.kind = JobKind.WEBIDE;
              d.env.put("HASHED_PASSWORD", "$argon2i$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA");
            },
            "env.HASHED_PASSWORD",
            "would replace it"),
        refused(
            "two replicas of a WebIDE",
            d -> {
              d.kind = JobKind.WEBIDE;
              d.replicas = 2;
            },
            "replicas",
            "exactly one replica"),
        refused("NUL in an env value", d -> d.env.put("MODE", "a\0b"), "env.MODE", "NUL"),
        refused("NUL in the name", d -> d.name = "res\0net", "name", "control"),
        refused("NUL in the command", d -> d.command.add("--x\0"), "command[2]", "NUL"),
        refused("NUL in the arguments", d -> d.args.add("\0"), "args[0]", "NUL"),
        refused(
            "a relative working directory",
            d -> d.workingDir = "../../etc",
            "workingDir",
            "absolute"),
        refused(
            "a working directory climbing up",
            d -> d.workingDir = "/workspace/../../etc",
            "workingDir",
            "'..'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesWhatCouldNotRunAsAPod(
      String name, Consumer<Draft> change, String field, String reason) {
    Draft draft = new Draft();
    change.accept(draft);

    Map<String, String> errors = JobRules.check(draft.request(), MODELS, NODES, HOME);

    if (field == null) {
      assertThat(errors).isEmpty();
    } else {
      assertThat(errors).containsOnlyKeys(field);
      assertThat(errors.get(field)).contains(reason);
    }
  }

  @Test
  void withoutAClusterViewNoSizeIsRefused() {
    Draft draft = new Draft();
    draft.gpuModel = null;
    draft.resources.put("nvidia.com/gpu", "1000");

    assertThat(JobRules.check(draft.request(), Set.of(), List.of(), HOME)).isEmpty();
  }
}
