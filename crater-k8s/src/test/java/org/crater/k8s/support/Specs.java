package org.crater.k8s.support;

import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.workload.Slo;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;

/** Test fixtures: a 1-GPU batch job of alice and the default settings. */
public final class Specs {

  private Specs() {}

  /**
   * A builder for job 42, attempt 1, alice in account ml, one replica with 4 cpu / 16Gi / 1 GPU.
   */
  public static WorkloadSpec.Builder aJob() {
    return WorkloadSpec.builder()
        .jobId(42)
        .attempt(1)
        .user("alice")
        .account("ml")
        .slo(Slo.GUARANTEED)
        .kind(WorkloadKinds.BATCH)
        .image("pytorch/pytorch:2.3")
        .resource("cpu", "4")
        .resource("memory", "16Gi")
        .resource("nvidia.com/gpu", "1");
  }

  /** Default settings with a test secret. */
  public static WorkloadSettings settings() {
    return WorkloadSettings.defaults("test-secret");
  }
}
