package org.crater.k8s.gateway;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.NetworkingV1Api;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.DeleteOptions;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.crater.k8s.common.ApiErrors;
import org.crater.k8s.common.ClusterException;
import org.crater.k8s.common.ClusterUnavailableException;
import org.crater.k8s.volcano.VolcanoJobs;
import org.crater.k8s.workload.WorkloadNames;

/**
 * Creates and deletes a job's objects. Idempotent by construction: the names are deterministic, so
 * 409 AlreadyExists on create and 404 NotFound on delete are treated as success and nothing is ever
 * created twice. A notebook's Service and Ingress are created before its Pod, so a failure there is
 * retried with the whole attempt instead of leaving a notebook nobody can open.
 */
final class WorkloadWriter {

  private static final Logger LOG = Logger.getLogger(WorkloadWriter.class.getName());
  private static final String BACKGROUND = "Background";

  private final CoreV1Api core;
  private final NetworkingV1Api networking;
  private final DynamicKubernetesApi volcano;
  private final boolean ingresses;

  /**
   * @param ingresses whether notebooks get Ingresses (and so whether deleting an attempt deletes
   *     one: without them Crater may lack the permission to)
   */
  WorkloadWriter(ApiClient client, boolean ingresses) {
    this.core = new CoreV1Api(client);
    this.networking = new NetworkingV1Api(client);
    this.ingresses = ingresses;
    this.volcano =
        new DynamicKubernetesApi(
            VolcanoJobs.GROUP, VolcanoJobs.VERSION, VolcanoJobs.PLURAL, client);
  }

  /** Creates the objects; returns whether the main object was created by this call. */
  boolean create(DesiredWorkload desired) {
    if (desired.service() != null) {
      createService(desired);
    }
    if (desired.ingress() != null) {
      createIngress(desired);
    }
    return desired.volcanoJob() != null ? createVolcanoJob(desired) : createPod(desired);
  }

  /** Deletes the attempt's Volcano job, Pod, Service, Ingress and any pod left with its labels. */
  void delete(String namespace, long jobId, int attempt) {
    String name = WorkloadNames.objectName(jobId, attempt);
    deleteVolcanoJob(namespace, name);
    ignoreNotFound(
        "delete pod " + name,
        () -> core.deleteNamespacedPod(name, namespace).propagationPolicy(BACKGROUND).execute());
    ignoreNotFound(
        "delete service " + name, () -> core.deleteNamespacedService(name, namespace).execute());
    if (ingresses) {
      ignoreNotFound(
          "delete ingress " + name,
          () -> networking.deleteNamespacedIngress(name, namespace).execute());
    }
    ignoreNotFound(
        "delete pods of " + name,
        () ->
            core.deleteCollectionNamespacedPod(namespace)
                .labelSelector(WorkloadNames.selectorString(jobId, attempt))
                .execute());
  }

  /**
   * Deletes a pod at once (grace period 0) without waiting for its kubelet: for a pod stuck
   * Terminating on a node that no longer answers ({@code NodeLossPolicy}).
   */
  void forceDeletePod(String namespace, String name) {
    ignoreNotFound(
        "force delete pod " + name,
        () ->
            core.deleteNamespacedPod(name, namespace)
                .gracePeriodSeconds(0)
                .propagationPolicy(BACKGROUND)
                .execute());
  }

  private boolean createPod(DesiredWorkload d) {
    return ignoreConflict(
        "create pod " + d.name(), () -> core.createNamespacedPod(d.namespace(), d.pod()).execute());
  }

  private void createService(DesiredWorkload d) {
    ignoreConflict(
        "create service " + d.name(),
        () -> core.createNamespacedService(d.namespace(), d.service()).execute());
  }

  private void createIngress(DesiredWorkload d) {
    ignoreConflict(
        "create ingress " + d.name(),
        () -> networking.createNamespacedIngress(d.namespace(), d.ingress()).execute());
  }

  private boolean createVolcanoJob(DesiredWorkload d) {
    String action = "create vcjob " + d.name();
    KubernetesApiResponse<DynamicKubernetesObject> r =
        dynamic(action, () -> volcano.create(d.volcanoJob()));
    if (r.isSuccess()) {
      return true;
    }
    if (r.getHttpStatusCode() == 409) {
      LOG.fine(() -> "exists vcjob=" + d.name());
      return false;
    }
    throw ApiErrors.translate(action, r);
  }

  private void deleteVolcanoJob(String namespace, String name) {
    String action = "delete vcjob " + name;
    DeleteOptions options = new DeleteOptions();
    options.setPropagationPolicy(BACKGROUND);
    KubernetesApiResponse<DynamicKubernetesObject> r =
        dynamic(action, () -> volcano.delete(namespace, name, options));
    if (!r.isSuccess() && r.getHttpStatusCode() != 404) {
      throw ApiErrors.translate(action, r);
    }
  }

  private static boolean ignoreConflict(String action, ApiCall call) {
    try {
      call.run();
      return true;
    } catch (ApiException e) {
      if (ApiErrors.isConflict(e)) {
        LOG.fine(() -> "exists " + action);
        return false;
      }
      throw ApiErrors.translate(action, e);
    }
  }

  private static void ignoreNotFound(String action, ApiCall call) {
    try {
      call.run();
    } catch (ApiException e) {
      if (!ApiErrors.isNotFound(e)) {
        throw ApiErrors.translate(action, e);
      }
    }
  }

  /**
   * GenericKubernetesApi wraps I/O failures in unchecked exceptions; surface them as
   * unavailability.
   */
  private static <T> T dynamic(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (ClusterException e) {
      throw e;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ApiException api) {
        throw ApiErrors.translate(action, api);
      }
      if (cause instanceof IOException || e instanceof IllegalStateException) {
        throw new ClusterUnavailableException(action + " failed: no answer", 0, e);
      }
      throw e;
    }
  }

  @FunctionalInterface
  private interface ApiCall {
    Object run() throws ApiException;
  }
}
