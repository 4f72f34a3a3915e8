package org.crater.k8s.pod;

import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1HTTPIngressRuleValue;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1IngressSpec;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import java.util.LinkedHashMap;
import java.util.List;
import org.crater.k8s.workload.NotebookIngress;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * Builds the Ingress that publishes a Jupyter attempt: the job's object name and labels, one rule
 * routing {@code <pathPrefix><objectName>/} (type Prefix) on the configured host to the attempt's
 * Service on port {@value WorkloadSettings#JUPYTER_PORT}, the configured class, and a TLS section
 * when a TLS Secret is configured.
 */
public final class IngressTemplates {

  private IngressTemplates() {}

  /** The notebook Ingress of a Jupyter spec under enabled notebook settings. */
  public static V1Ingress jupyter(WorkloadSpec spec, WorkloadSettings settings) {
    NotebookIngress notebooks = settings.notebooks();
    V1ObjectMeta meta =
        new V1ObjectMeta()
            .name(spec.objectName())
            .namespace(settings.namespaceOf(spec))
            .labels(WorkloadNames.labels(spec));
    if (!notebooks.annotations().isEmpty()) {
      meta.annotations(new LinkedHashMap<>(notebooks.annotations()));
    }
    V1HTTPIngressPath path =
        new V1HTTPIngressPath()
            .path(notebooks.path(spec.objectName()))
            .pathType("Prefix")
            .backend(
                new V1IngressBackend()
                    .service(
                        new V1IngressServiceBackend()
                            .name(spec.objectName())
                            .port(
                                new V1ServiceBackendPort().number(WorkloadSettings.JUPYTER_PORT))));
    V1IngressSpec ingressSpec =
        new V1IngressSpec()
            .ingressClassName(notebooks.className())
            .rules(
                List.of(
                    new V1IngressRule()
                        .host(notebooks.host())
                        .http(new V1HTTPIngressRuleValue().paths(List.of(path)))));
    if (notebooks.tlsSecret() != null) {
      V1IngressTLS tls = new V1IngressTLS().secretName(notebooks.tlsSecret());
      if (notebooks.host() != null) {
        tls.hosts(List.of(notebooks.host()));
      }
      ingressSpec.tls(List.of(tls));
    }
    return new V1Ingress()
        .apiVersion("networking.k8s.io/v1")
        .kind("Ingress")
        .metadata(meta)
        .spec(ingressSpec);
  }
}
