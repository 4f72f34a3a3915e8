package org.crater.ejb.reconcile;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;
import org.crater.ejb.common.CraterException;
import org.crater.ejb.node.Cluster;
import org.crater.ejb.node.ClusterUnavailableException;
import org.crater.k8s.common.ClusterException;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.workload.InteractiveEndpoint;
import org.crater.model.job.Job;
import org.crater.model.job.JobPhase;

/**
 * What a job's cluster objects show its owner: the endpoint of a running interactive job and the
 * logs of its current attempt. Callers check ownership first (by loading the job through {@code
 * JobService}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobWorkloads {

  @EJB private Cluster cluster;
  @EJB private KeptLogs keptLogs;

  /** The URL and secret of a running interactive job (notebook, WebIDE); empty for other jobs. */
  public Optional<Endpoint> endpoint(Job job) {
    if (WorkloadKinds.of(job.getKind().name()).interactive().isEmpty()
        || job.getPhase() != JobPhase.RUNNING
        || !cluster.configured()) {
      return Optional.empty();
    }
    InteractiveEndpoint endpoint = cluster.gateway().settings().endpoint(JobSpecs.of(job));
    return Optional.of(new Endpoint(endpoint.url(), endpoint.secret(), endpoint.secretName()));
  }

  /**
   * The tail of the job's log Crater kept when its objects left the cluster after the retention;
   * empty while they are there (or were never created).
   */
  public Optional<KeptLog> kept(Job job) {
    return keptLogs.read(job.getId());
  }

  /**
   * The last {@code tail} lines (all for null) of the job's main container log: from its pod, or
   * from the kept tail ({@link #kept}) once the pod is gone.
   */
  public String logs(Job job, Integer tail) {
    requireStarted(job);
    Optional<KeptLog> kept = kept(job);
    if (kept.isPresent()) {
      return kept.get().lastLines(tail);
    }
    return translated(job, () -> cluster.gateway().readLogs(job.getId(), job.getAttempt(), tail));
  }

  /**
   * A live stream of the job's main container log, which ends with the kept tail once the pod is
   * gone; the caller closes it.
   */
  public InputStream follow(Job job, Integer tail) {
    requireStarted(job);
    Optional<KeptLog> kept = kept(job);
    if (kept.isPresent()) {
      return kept.get().stream(tail);
    }
    return translated(job, () -> cluster.gateway().followLogs(job.getId(), job.getAttempt(), tail));
  }

  private static void requireStarted(Job job) {
    if (job.getStartedAt() == null && job.getFinishedAt() == null) {
      throw new CraterException(
          409,
          "job-not-started",
          "Job " + job.getId() + " has not started yet (" + job.getPhase().label() + ").");
    }
  }

  private static <T> T translated(Job job, Supplier<T> read) {
    try {
      return read.get();
    } catch (org.crater.k8s.common.ClusterUnavailableException e) {
      throw new ClusterUnavailableException("The cluster did not answer; retry shortly.");
    } catch (ClusterException e) {
      if (e.httpStatus() == 404) {
        throw new CraterException(
            404, "logs-not-found", "Job " + job.getId() + " has no logs any more.");
      }
      throw new CraterException(
          409, "logs-not-ready", "The logs of job " + job.getId() + " cannot be read yet.");
    }
  }
}
