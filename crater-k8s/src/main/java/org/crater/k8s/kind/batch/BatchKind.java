package org.crater.k8s.kind.batch;

import org.crater.k8s.kind.WorkloadKind;

/** A plain batch run: one pod that runs its command to the end (a Volcano job when asked for). */
public final class BatchKind implements WorkloadKind {

  @Override
  public String name() {
    return "BATCH";
  }
}
