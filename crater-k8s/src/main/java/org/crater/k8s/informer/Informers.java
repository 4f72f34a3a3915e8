package org.crater.k8s.informer;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeList;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.volcano.VolcanoJobs;

/** The informers {@link ClusterCache} reads the cluster through: what each watches and indexes. */
final class Informers {

  private Informers() {}

  static Informer<V1Pod, V1PodList> pods(ApiClient client, ClusterCacheConfig config) {
    GenericKubernetesApi<V1Pod, V1PodList> api =
        new GenericKubernetesApi<>(V1Pod.class, V1PodList.class, "", "v1", "pods", client);
    // The inventory needs every bound pod; without it, Crater's own pods are enough.
    return config.allPods()
        ? new Informer<>("pods", api, null, null, JobKeys::jobIndexKey)
        : new Informer<>(
            "pods",
            api,
            config.jobNamespace(),
            CraterLabels.MANAGED_SELECTOR,
            JobKeys::jobIndexKey);
  }

  static Informer<DynamicKubernetesObject, DynamicKubernetesListObject> volcanoJobs(
      ApiClient client, ClusterCacheConfig config) {
    DynamicKubernetesApi api =
        new DynamicKubernetesApi(
            VolcanoJobs.GROUP, VolcanoJobs.VERSION, VolcanoJobs.PLURAL, client);
    return new Informer<>(
        "vcjobs", api, config.jobNamespace(), CraterLabels.MANAGED_SELECTOR, JobKeys::jobIndexKey);
  }

  static Informer<V1Node, V1NodeList> nodes(ApiClient client) {
    return new Informer<>(
        "nodes",
        new GenericKubernetesApi<>(V1Node.class, V1NodeList.class, "", "v1", "nodes", client),
        null,
        null,
        null);
  }
}
