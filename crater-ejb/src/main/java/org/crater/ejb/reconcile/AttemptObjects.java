package org.crater.ejb.reconcile;

import java.util.SortedSet;
import org.crater.k8s.gateway.ClusterGateway;
import org.crater.k8s.gateway.LogTail;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * The cluster objects of job attempts, as {@link JobReconciler} reads and writes them: in the
 * namespace jobs run in. {@link #of} backs it with the {@link ClusterGateway}.
 */
interface AttemptObjects {

  /** Attempts of the job that have objects, ascending. */
  SortedSet<Integer> attempts(long jobId);

  /** Deletes the attempt's objects; deleting twice is fine. */
  void delete(long jobId, int attempt);

  /** What the cluster shows of the attempt. */
  ObservedWorkload observe(long jobId, int attempt);

  /** Creates the attempt's objects unless they exist. */
  void apply(WorkloadSpec spec);

  /** The last lines of the attempt's primary log, at most {@code maxBytes}. */
  LogTail readLogTail(long jobId, int attempt, int maxBytes);

  /** The attempts' objects in the gateway's namespace. */
  static AttemptObjects of(ClusterGateway gateway) {
    return new AttemptObjects() {
      @Override
      public SortedSet<Integer> attempts(long jobId) {
        return gateway.attempts(gateway.settings().namespace(), jobId);
      }

      @Override
      public void delete(long jobId, int attempt) {
        gateway.delete(gateway.settings().namespace(), jobId, attempt);
      }

      @Override
      public ObservedWorkload observe(long jobId, int attempt) {
        return gateway.observe(gateway.settings().namespace(), jobId, attempt);
      }

      @Override
      public void apply(WorkloadSpec spec) {
        gateway.apply(spec);
      }

      @Override
      public LogTail readLogTail(long jobId, int attempt, int maxBytes) {
        return gateway.readLogTail(jobId, attempt, maxBytes);
      }
    };
  }
}
