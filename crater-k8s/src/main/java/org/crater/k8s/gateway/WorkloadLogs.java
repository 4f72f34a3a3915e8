package org.crater.k8s.gateway;

import io.kubernetes.client.PodLogs;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.crater.k8s.common.ApiErrors;
import org.crater.k8s.common.ClusterUnavailableException;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.informer.ClusterCache;
import org.crater.k8s.kind.WorkloadKind;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.pod.PodTemplates;
import org.crater.k8s.workload.WorkloadNames;

/**
 * Reads a job's logs (from its primary pod: the single Pod, else the Volcano master or first pod)
 * and the Events about its objects. Log text is passed through, never logged here.
 */
final class WorkloadLogs {

  private final CoreV1Api core;
  private final PodLogs streams;
  private final ClusterCache cache;

  WorkloadLogs(ApiClient client, ApiClient streamClient, ClusterCache cache) {
    this.core = new CoreV1Api(client);
    this.streams = new PodLogs(streamClient);
    this.cache = cache;
  }

  String read(String namespace, long jobId, int attempt, Integer tailLines) {
    String pod = primaryPod(namespace, jobId, attempt);
    try {
      String text =
          core.readNamespacedPodLog(pod, namespace)
              .container(PodTemplates.MAIN_CONTAINER)
              .tailLines(tailLines)
              .execute();
      return text == null ? "" : text;
    } catch (ApiException e) {
      throw ApiErrors.translate("read log " + pod, e);
    }
  }

  /**
   * The last {@code maxBytes} bytes of the log, streamed (never more than that held in memory),
   * from the start of a line.
   */
  LogTail tail(String namespace, long jobId, int attempt, int maxBytes) {
    String pod = primaryPod(namespace, jobId, attempt);
    String action = "read log tail " + pod;
    try (Response response =
        core.readNamespacedPodLog(pod, namespace)
            .container(PodTemplates.MAIN_CONTAINER)
            .buildCall(null)
            .execute()) {
      if (!response.isSuccessful()) {
        throw ApiErrors.of(action, response.code(), response.message(), null);
      }
      ResponseBody body = response.body();
      return body == null ? LogTail.EMPTY : LogTail.read(body.byteStream(), maxBytes);
    } catch (ApiException e) {
      throw ApiErrors.translate(action, e);
    } catch (IOException e) {
      throw new ClusterUnavailableException(action + " failed: no answer", 0, e);
    }
  }

  InputStream follow(String namespace, long jobId, int attempt, Integer tailLines) {
    String pod = primaryPod(namespace, jobId, attempt);
    try {
      return streams.streamNamespacedPodLog(
          namespace, pod, PodTemplates.MAIN_CONTAINER, null, tailLines, false);
    } catch (ApiException e) {
      throw ApiErrors.translate("follow log " + pod, e);
    } catch (IOException e) {
      throw new ClusterUnavailableException("follow log " + pod + " failed: no answer", 0, e);
    }
  }

  private String primaryPod(String namespace, long jobId, int attempt) {
    List<V1Pod> pods = cache.pods(jobId, attempt);
    return pods.stream()
        .filter(p -> namespace.equals(p.getMetadata().getNamespace()))
        .min(Comparator.comparing(WorkloadLogs::rank).thenComparing(p -> p.getMetadata().getName()))
        .map(p -> p.getMetadata().getName())
        .orElse(WorkloadNames.objectName(jobId, attempt));
  }

  /** 0 for a pod of its kind's primary task, else 1. */
  private static int rank(V1Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    if (labels == null) {
      return 1;
    }
    Optional<String> primary =
        WorkloadKinds.ofLabel(labels.get(CraterLabels.KIND)).flatMap(WorkloadKind::primaryTask);
    return primary.isPresent() && primary.get().equals(labels.get(CraterLabels.TASK)) ? 0 : 1;
  }
}
