package org.crater.k8s.pod;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.util.List;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * Builds the ClusterIP Service in front of a Jupyter pod. It has the job's object name and labels
 * and selects exactly that attempt's pods on port {@value WorkloadSettings#JUPYTER_PORT}.
 */
public final class ServiceTemplates {

  private ServiceTemplates() {}

  /** The notebook Service of a Jupyter spec. */
  public static V1Service jupyter(WorkloadSpec spec, WorkloadSettings settings) {
    V1ObjectMeta meta =
        new V1ObjectMeta()
            .name(spec.objectName())
            .namespace(settings.namespaceOf(spec))
            .labels(WorkloadNames.labels(spec));
    V1ServicePort port =
        new V1ServicePort()
            .name("notebook")
            .protocol("TCP")
            .port(WorkloadSettings.JUPYTER_PORT)
            .targetPort(new IntOrString(WorkloadSettings.JUPYTER_PORT));
    V1ServiceSpec serviceSpec =
        new V1ServiceSpec()
            .type("ClusterIP")
            .selector(WorkloadNames.selector(spec.jobId(), spec.attempt()))
            .ports(List.of(port));
    return new V1Service().apiVersion("v1").kind("Service").metadata(meta).spec(serviceSpec);
  }
}
