package org.crater.ejb.reconcile;

import org.crater.ejb.quota.ResourceQuantities;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.workload.Mount;
import org.crater.k8s.workload.Slo;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.model.job.Job;

/** Maps a job's current attempt to the spec its cluster objects are built from. Pure. */
public final class JobSpecs {

  private JobSpecs() {}

  public static WorkloadSpec of(Job job) {
    return WorkloadSpec.builder()
        .jobId(job.getId())
        .attempt(job.getAttempt())
        .user(job.getOwner().getUsername())
        .account(job.getAccount().getName())
        .slo(Slo.valueOf(job.getSlo().name()))
        .kind(WorkloadKinds.of(job.getKind().name()))
        .image(job.getImage())
        .command(job.getCommand())
        .args(job.getArgs())
        .env(job.getEnv())
        .workingDir(job.getWorkingDir())
        .replicas(job.getReplicas())
        .resources(ResourceQuantities.format(job.getResources()))
        .gpuModel(job.getGpuModel())
        .mounts(
            job.getMounts().stream()
                .map(m -> new Mount(m.pvc(), m.subPath(), m.mountPath(), m.readOnly()))
                .toList())
        .accessSecret(job.getNotebookToken())
        .build();
  }
}
