package org.crater.k8s.gateway;

import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.crater.k8s.pod.IngressTemplates;
import org.crater.k8s.pod.PodTemplates;
import org.crater.k8s.pod.ServiceTemplates;
import org.crater.k8s.volcano.VolcanoJobs;
import org.crater.k8s.workload.InteractiveEndpoint;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * The objects one attempt of a job consists of. Exactly one of {@code pod} and {@code volcanoJob}
 * is set; interactive jobs (notebooks, WebIDEs) also have a {@code service} and an {@code
 * endpoint}, and an {@code ingress} when they are published.
 *
 * @param namespace target namespace
 * @param name the shared object name {@code crater-<jobId>-<attempt>}
 * @param pod the Pod of a single-replica job, else null
 * @param volcanoJob the Volcano job of a gang or multi-replica job, else null
 * @param service the Service of an interactive job, else null
 * @param ingress its Ingress when interactive jobs are published, else null
 * @param endpoint its URL and secret, else null
 */
public record DesiredWorkload(
    String namespace,
    String name,
    V1Pod pod,
    DynamicKubernetesObject volcanoJob,
    V1Service service,
    V1Ingress ingress,
    InteractiveEndpoint endpoint) {

  /** Builds the desired objects of a spec under the given settings. Pure. */
  public static DesiredWorkload of(WorkloadSpec spec, WorkloadSettings settings) {
    boolean volcano = settings.usesVolcano(spec);
    boolean interactive = spec.kind().interactive().isPresent();
    return new DesiredWorkload(
        settings.namespaceOf(spec),
        spec.objectName(),
        volcano ? null : PodTemplates.pod(spec, settings),
        volcano ? VolcanoJobs.job(spec, settings) : null,
        interactive ? ServiceTemplates.interactive(spec, settings) : null,
        interactive && settings.notebooks().enabled()
            ? IngressTemplates.interactive(spec, settings)
            : null,
        interactive ? settings.endpoint(spec) : null);
  }
}
