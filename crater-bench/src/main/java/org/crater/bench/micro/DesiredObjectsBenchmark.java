package org.crater.bench.micro;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crater.ejb.reconcile.JobSpecs;
import org.crater.k8s.gateway.DesiredWorkload;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.workload.Mount;
import org.crater.k8s.workload.Slo;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.model.account.Account;
import org.crater.model.job.Job;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobMount;
import org.crater.model.job.JobRequest;
import org.crater.model.job.TaskType;
import org.crater.model.quota.ResourceVector;
import org.crater.model.user.PlatformRole;
import org.crater.model.user.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Building the cluster objects of one attempt: a batch Pod, a Jupyter Pod with its Service and
 * token, and a 4-replica PyTorch gang as a Volcano job ({@link DesiredWorkload#of}); and mapping a
 * job entity to the spec they are built from ({@link JobSpecs#of}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DesiredObjectsBenchmark {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private WorkloadSettings settings;
  private WorkloadSpec batch;
  private WorkloadSpec jupyter;
  private WorkloadSpec gang;
  private Job job;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    settings = WorkloadSettings.defaults("bench-secret");
    batch = aSpec().build();
    jupyter = aSpec().kind(WorkloadKinds.JUPYTER).command(List.of()).args(List.of()).build();
    gang =
        aSpec()
            .kind(WorkloadKinds.PYTORCH)
            .replicas(4)
            .resource("nvidia.com/gpu", "8")
            .resource("cpu", "32")
            .resource("memory", "256Gi")
            .build();
    job = aJob();
  }

  @Benchmark
  public DesiredWorkload batchPod() {
    return DesiredWorkload.of(batch, settings);
  }

  @Benchmark
  public DesiredWorkload jupyterPodAndService() {
    return DesiredWorkload.of(jupyter, settings);
  }

  @Benchmark
  public DesiredWorkload pytorchGang() {
    return DesiredWorkload.of(gang, settings);
  }

  @Benchmark
  public WorkloadSpec jobSpec() {
    return JobSpecs.of(job);
  }

  private static WorkloadSpec.Builder aSpec() {
    return WorkloadSpec.builder()
        .jobId(4242)
        .attempt(1)
        .user("alice")
        .account("vision-lab")
        .slo(Slo.GUARANTEED)
        .image("pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime")
        .command(List.of("python", "train.py"))
        .args(List.of("--epochs", "90", "--batch-size", "256"))
        .env(Map.of("SEED", "1", "NCCL_DEBUG", "WARN"))
        .workingDir("/workspace")
        .resource("cpu", "8")
        .resource("memory", "64Gi")
        .resource("nvidia.com/gpu", "2")
        .gpuModel("A100")
        .mount(new Mount("crater-datasets", "imagenet", "/data/imagenet", true))
        .mount(new Mount("crater-home", "alice", "/home/alice", false));
  }

  /** A queued 2-GPU job of alice with two mounts, its id set as the database would. */
  private static Job aJob() throws ReflectiveOperationException {
    User alice = new User("alice", "Alice", null, "hash", PlatformRole.USER, NOW);
    Account lab = new Account("vision-lab", "Vision Lab", NOW);
    JobRequest request =
        new JobRequest(
            "train-resnet",
            JobKind.BATCH,
            TaskType.TRAINING,
            org.crater.model.job.Slo.GUARANTEED,
            "pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime",
            List.of("python", "train.py"),
            List.of("--epochs", "90", "--batch-size", "256"),
            Map.of("SEED", "1", "NCCL_DEBUG", "WARN"),
            "/workspace",
            ResourceVector.of(Map.of("cpu", 8_000L, "memory", 64L << 30, "nvidia.com/gpu", 2L)),
            "A100",
            1,
            List.of(
                new JobMount("crater-datasets", "imagenet", "/data/imagenet", true),
                new JobMount("crater-home", "alice", "/home/alice", false)),
            3600L);
    Job job = new Job(alice, lab, request, NOW);
    Field id = Job.class.getDeclaredField("id");
    id.setAccessible(true);
    id.set(job, 4242L);
    return job;
  }
}
