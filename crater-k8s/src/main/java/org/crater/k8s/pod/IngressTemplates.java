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
import java.util.Map;
import org.crater.k8s.kind.WorkloadKind.Interactive;
import org.crater.k8s.workload.NotebookIngress;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * Builds the Ingress that publishes an interactive attempt: the job's object name and labels, one
 * rule routing {@code <pathPrefix><objectName>/} (type Prefix) on the configured host to the
 * attempt's Service on the kind's port, the configured class, and a TLS section when a TLS Secret
 * is configured. A server that serves at {@code /} ({@link Interactive#servedAtRoot()}) gets the
 * prefix stripped instead: the path becomes the regular expression {@code
 * <pathPrefix><objectName>(/|$)(.*)} (type ImplementationSpecific) with ingress-nginx's {@value
 * #USE_REGEX} and {@value #REWRITE_TARGET} {@code /$2}.
 */
public final class IngressTemplates {

  /** ingress-nginx: the paths of this Ingress are regular expressions. */
  public static final String USE_REGEX = "nginx.ingress.kubernetes.io/use-regex";

  /** ingress-nginx: what the matched path is rewritten to before it reaches the Service. */
  public static final String REWRITE_TARGET = "nginx.ingress.kubernetes.io/rewrite-target";

  private IngressTemplates() {}

  /** The Ingress of an interactive spec under enabled notebook settings. */
  public static V1Ingress interactive(WorkloadSpec spec, WorkloadSettings settings) {
    NotebookIngress notebooks = settings.notebooks();
    Map<String, String> annotations = new LinkedHashMap<>(notebooks.annotations());
    V1HTTPIngressPath path = path(spec, notebooks, annotations);
    V1ObjectMeta meta =
        new V1ObjectMeta()
            .name(spec.objectName())
            .namespace(settings.namespaceOf(spec))
            .labels(WorkloadNames.labels(spec));
    if (!annotations.isEmpty()) {
      meta.annotations(annotations);
    }
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

  /** The rule's path to the spec's Service; adds the annotations a prefix-stripping path needs. */
  private static V1HTTPIngressPath path(
      WorkloadSpec spec, NotebookIngress notebooks, Map<String, String> annotations) {
    Interactive interactive = spec.kind().interactive().orElseThrow();
    String prefix = notebooks.path(spec.objectName());
    V1HTTPIngressPath path = new V1HTTPIngressPath().path(prefix).pathType("Prefix");
    if (interactive.servedAtRoot()) {
      path.path(prefix.substring(0, prefix.length() - 1) + "(/|$)(.*)")
          .pathType("ImplementationSpecific");
      annotations.put(USE_REGEX, "true");
      annotations.put(REWRITE_TARGET, "/$2");
    }
    return path.backend(
        new V1IngressBackend()
            .service(
                new V1IngressServiceBackend()
                    .name(spec.objectName())
                    .port(new V1ServiceBackendPort().number(interactive.port()))));
  }
}
