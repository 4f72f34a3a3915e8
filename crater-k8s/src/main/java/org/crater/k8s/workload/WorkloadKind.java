package org.crater.k8s.workload;

/**
 * What kind of workload a job needs: a plain batch run, a notebook, or a distributed PyTorch gang.
 */
public enum WorkloadKind {
  BATCH,
  JUPYTER,
  PYTORCH
}
