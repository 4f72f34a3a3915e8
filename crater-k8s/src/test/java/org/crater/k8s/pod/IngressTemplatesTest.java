package org.crater.k8s.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressRule;
import java.util.Map;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.support.Specs;
import org.crater.k8s.workload.NotebookIngress;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

class IngressTemplatesTest {

  private static final WorkloadSpec NOTEBOOK =
      Specs.aJob().kind(WorkloadKinds.JUPYTER).attempt(2).build();

  @Test
  void routesTheNotebookPathOnTheHostToItsServiceWithClassAndTls() {
    WorkloadSettings settings =
        Specs.settings()
            .withNotebooks(
                new NotebookIngress(
                    true,
                    "nginx",
                    "nb.lab.org",
                    "/jupyter/",
                    "nb-tls",
                    null,
                    Map.of("nginx.ingress.kubernetes.io/proxy-body-size", "1g")));

    V1Ingress ingress = IngressTemplates.interactive(NOTEBOOK, settings);

    assertThat(ingress.getApiVersion()).isEqualTo("networking.k8s.io/v1");
    assertThat(ingress.getKind()).isEqualTo("Ingress");
    assertThat(ingress.getMetadata().getName()).isEqualTo("crater-42-2");
    assertThat(ingress.getMetadata().getNamespace()).isEqualTo("crater-jobs");
    assertThat(ingress.getMetadata().getLabels())
        .containsEntry("crater.io/job-id", "42")
        .containsEntry("crater.io/attempt", "2");
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "1g");
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    V1IngressRule rule = ingress.getSpec().getRules().get(0);
    assertThat(rule.getHost()).isEqualTo("nb.lab.org");
    V1HTTPIngressPath path = rule.getHttp().getPaths().get(0);
    assertThat(path.getPath()).isEqualTo("/jupyter/crater-42-2/");
    assertThat(path.getPathType()).isEqualTo("Prefix");
    assertThat(path.getBackend().getService().getName()).isEqualTo("crater-42-2");
    assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(8888);
    assertThat(ingress.getSpec().getTls()).hasSize(1);
    assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("nb-tls");
    assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactly("nb.lab.org");
  }

  @Test
  void withoutClassHostOrTlsTheClusterDefaultsApply() {
    WorkloadSettings settings =
        Specs.settings()
            .withNotebooks(
                new NotebookIngress(true, null, null, null, null, "https://gpu.lab.org", Map.of()));

    V1Ingress ingress = IngressTemplates.interactive(NOTEBOOK, settings);

    assertThat(ingress.getSpec().getIngressClassName()).isNull();
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isNull();
    assertThat(ingress.getSpec().getTls()).isNullOrEmpty();
    assertThat(ingress.getMetadata().getAnnotations()).isNullOrEmpty();
  }
}
