package org.crater.k8s.gateway;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.SortedSet;
import java.util.logging.Logger;
import org.crater.k8s.informer.ClusterCache;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * The cluster as the backend sees it: apply, delete, observe and the logs of one job attempt.
 * Invariants: {@link #apply} and {@link #delete} are idempotent and safe to repeat after a crash;
 * {@link #observe} reads the informer caches only; transient failures throw {@code
 * ClusterUnavailableException} (retry later), invalid objects {@code ClusterRejectedException}.
 * Thread-safe.
 */
public final class ClusterGateway {

  private static final Logger LOG = Logger.getLogger(ClusterGateway.class.getName());

  private final WorkloadSettings settings;
  private final ClusterCache cache;
  private final WorkloadWriter writer;
  private final WorkloadObserver observer;
  private final WorkloadLogs logs;
  private final Clock clock;

  /**
   * @param client client for ordinary requests (finite read timeout)
   * @param streamClient client for followed log streams (read timeout 0)
   * @param settings namespace, Volcano routing, Jupyter and notebook Ingress settings
   * @param cache started informer caches
   * @param clock tells when a pod has been terminating too long
   */
  public ClusterGateway(
      ApiClient client,
      ApiClient streamClient,
      WorkloadSettings settings,
      ClusterCache cache,
      Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.cache = cache;
    this.writer = new WorkloadWriter(client, settings.notebooks().enabled());
    this.observer = new WorkloadObserver(cache, settings);
    this.logs = new WorkloadLogs(client, streamClient, cache);
  }

  /** The settings desired objects are built with. */
  public WorkloadSettings settings() {
    return settings;
  }

  /** Creates the attempt's objects unless they exist; never duplicates them. */
  public void apply(WorkloadSpec spec) {
    DesiredWorkload desired = DesiredWorkload.of(spec, settings);
    cache.clearExpectedDeletion(spec.jobId(), spec.attempt());
    boolean created = writer.create(desired);
    if (created) {
      LOG.info(
          () ->
              "created workload job="
                  + spec.jobId()
                  + " attempt="
                  + spec.attempt()
                  + " name="
                  + desired.name()
                  + " volcano="
                  + (desired.volcanoJob() != null));
    }
  }

  /** Deletes the attempt's objects in the default namespace; deleting twice is fine. */
  public void delete(long jobId, int attempt) {
    delete(settings.namespace(), jobId, attempt);
  }

  /**
   * Deletes the attempt's objects in {@code namespace}; deleting twice is fine. A pod of it still
   * Terminating well past its deletion deadline is on a node that no longer answers: it is deleted
   * with grace period 0 ({@link org.crater.k8s.workload.NodeLossPolicy}).
   */
  public void delete(String namespace, long jobId, int attempt) {
    cache.expectDeletion(jobId, attempt);
    writer.delete(namespace, jobId, attempt);
    Instant now = clock.instant();
    for (V1Pod pod : cache.pods(jobId, attempt)) {
      V1ObjectMeta meta = pod.getMetadata();
      if (namespace.equals(meta.getNamespace())
          && settings.nodeLoss().stuck(meta.getDeletionTimestamp(), now)) {
        writer.forceDeletePod(namespace, meta.getName());
        LOG.warning(
            () ->
                "force-deleted pod stuck terminating pod="
                    + meta.getName()
                    + " node="
                    + (pod.getSpec() == null ? null : pod.getSpec().getNodeName()));
      }
    }
    LOG.info(() -> "deleted workload job=" + jobId + " attempt=" + attempt);
  }

  /** What the caches show for the attempt in the default namespace. */
  public ObservedWorkload observe(long jobId, int attempt) {
    return observe(settings.namespace(), jobId, attempt);
  }

  /** What the caches show for the attempt in {@code namespace}. */
  public ObservedWorkload observe(String namespace, long jobId, int attempt) {
    return observer.observe(namespace, jobId, attempt);
  }

  /** Attempts of the job that have objects in {@code namespace} (from the caches), ascending. */
  public SortedSet<Integer> attempts(String namespace, long jobId) {
    return cache.attempts(namespace, jobId);
  }

  /** The primary pod's log, the last {@code tailLines} lines (null for all). */
  public String readLogs(long jobId, int attempt, Integer tailLines) {
    return logs.read(settings.namespace(), jobId, attempt, tailLines);
  }

  /**
   * The last {@code maxBytes} bytes of the primary pod's log, from the start of a line: what is
   * kept of a finished job's log before its objects go.
   */
  public LogTail readLogTail(long jobId, int attempt, int maxBytes) {
    return logs.tail(settings.namespace(), jobId, attempt, maxBytes);
  }

  /** A live stream of the primary pod's log; the caller must close it. */
  public InputStream followLogs(long jobId, int attempt, Integer tailLines) {
    return logs.follow(settings.namespace(), jobId, attempt, tailLines);
  }
}
