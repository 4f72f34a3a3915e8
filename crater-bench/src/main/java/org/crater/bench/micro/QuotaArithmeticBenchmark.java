package org.crater.bench.micro;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crater.ejb.quota.QuotaCharge;
import org.crater.ejb.quota.ResourceQuantities;
import org.crater.k8s.common.CraterLabels;
import org.crater.model.quota.ResourceVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The quota arithmetic every admission and submission does: {@link ResourceVector} sums,
 * differences, products and limit checks, a job's {@link QuotaCharge}, and the translation between
 * Kubernetes quantity strings and vectors ({@link ResourceQuantities}). The vectors are those of a
 * 2-GPU job, a member's usage and a quota that also limits A100 GPUs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QuotaArithmeticBenchmark {

  private static final long GIB = 1L << 30;

  private ResourceVector job;
  private ResourceVector held;
  private ResourceVector quota;
  private ResourceVector tightQuota;
  private Map<String, String> quantities;
  private String gpuModel;
  private int replicas;

  @Setup
  public void setUp() {
    job = vector(8_000, 64 * GIB, 2, 0);
    held = vector(24_000, 192 * GIB, 6, 4);
    quota = vector(256_000, 2048 * GIB, 16, 8);
    tightQuota = vector(4_000, 2048 * GIB, 1, 0);
    quantities = new LinkedHashMap<>();
    quantities.put("cpu", "8");
    quantities.put("memory", "64Gi");
    quantities.put("nvidia.com/gpu", "2");
    quantities.put("ephemeral-storage", "500Mi");
    gpuModel = "A100";
    replicas = 4;
  }

  @Benchmark
  public ResourceVector plus() {
    return held.plus(job);
  }

  @Benchmark
  public ResourceVector minus() {
    return held.minus(job);
  }

  @Benchmark
  public ResourceVector times() {
    return job.times(replicas);
  }

  @Benchmark
  public boolean fitsWithin() {
    return held.fitsWithin(quota);
  }

  @Benchmark
  public List<String> exceeding() {
    return job.exceeding(tightQuota);
  }

  @Benchmark
  public ResourceVector quotaCharge() {
    return QuotaCharge.of(job, gpuModel);
  }

  @Benchmark
  public ResourceVector parse() {
    return ResourceQuantities.parse("resources", quantities);
  }

  @Benchmark
  public Map<String, String> format() {
    return ResourceQuantities.format(job);
  }

  private static ResourceVector vector(long cpu, long memory, long gpus, long a100) {
    Map<String, Long> amounts = new LinkedHashMap<>();
    amounts.put("cpu", cpu);
    amounts.put("memory", memory);
    amounts.put(CraterLabels.GPU, gpus);
    amounts.put(QuotaCharge.modelResource("A100"), a100);
    return ResourceVector.of(amounts);
  }
}
