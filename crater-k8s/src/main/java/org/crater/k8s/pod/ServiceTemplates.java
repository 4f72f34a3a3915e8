package org.crater.k8s.pod;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.util.List;
import org.crater.k8s.kind.WorkloadKind.Interactive;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * Builds the ClusterIP Service in front of the pod of an interactive job (a notebook, a WebIDE). It
 * has the job's object name and labels and selects exactly that attempt's pods on the port the kind
 * declares.
 */
public final class ServiceTemplates {

  private ServiceTemplates() {}

  /** The Service of an interactive spec. */
  public static V1Service interactive(WorkloadSpec spec, WorkloadSettings settings) {
    Interactive interactive = spec.kind().interactive().orElseThrow();
    V1ObjectMeta meta =
        new V1ObjectMeta()
            .name(spec.objectName())
            .namespace(settings.namespaceOf(spec))
            .labels(WorkloadNames.labels(spec));
    V1ServicePort port =
        new V1ServicePort()
            .name(interactive.portName())
            .protocol("TCP")
            .port(interactive.port())
            .targetPort(new IntOrString(interactive.port()));
    V1ServiceSpec serviceSpec =
        new V1ServiceSpec()
            .type("ClusterIP")
            .selector(WorkloadNames.selector(spec.jobId(), spec.attempt()))
            .ports(List.of(port));
    return new V1Service().apiVersion("v1").kind("Service").metadata(meta).spec(serviceSpec);
  }
}
