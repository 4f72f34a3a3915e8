package org.crater.k8s.kind.webide;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.Map;
import org.crater.k8s.gateway.DesiredWorkload;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.support.Specs;
import org.crater.k8s.workload.InteractiveEndpoint;
import org.crater.k8s.workload.NotebookIngress;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

class WebIdeKindTest {

  private static final WorkloadSpec IDE =
      Specs.aJob().kind(WorkloadKinds.WEBIDE).accessSecret("s3cret-pw").build();

  private static final WorkloadSettings PUBLISHED =
      Specs.settings()
          .withNotebooks(
              new NotebookIngress(
                  true, "nginx", "gpu.lab.org", "/apps/", null, null, Map.of("a", "b")));

  @Test
  void isOneInteractivePodOnCodeServersPortWithItsPasswordKeptToItself() {
    assertThat(WorkloadKinds.of("WEBIDE")).isSameAs(WorkloadKinds.WEBIDE);
    assertThat(WorkloadKinds.WEBIDE.labelValue()).isEqualTo("webide");
    assertThat(WorkloadKinds.WEBIDE.multiReplica()).isFalse();
    assertThat(WorkloadKinds.WEBIDE.gang()).isFalse();
    assertThat(WorkloadKinds.WEBIDE.interactive())
        .hasValueSatisfying(
            i -> {
              assertThat(i.port()).isEqualTo(8080);
              assertThat(i.secretEnv()).isEqualTo("PASSWORD");
              assertThat(i.urlParam()).isNull();
              assertThat(i.servedAtRoot()).isTrue();
            });
    assertThat(WorkloadKinds.WEBIDE.reservedEnv()).containsOnlyKeys("PASSWORD", "HASHED_PASSWORD");
  }

  @Test
  void inTheClusterItIsAPodWithThePasswordBehindAServiceOnPort8080() {
    DesiredWorkload desired = DesiredWorkload.of(IDE, Specs.settings());
    V1Container main = desired.pod().getSpec().getContainers().get(0);
    V1Service service = desired.service();

    assertThat(desired.volcanoJob()).isNull();
    assertThat(desired.ingress()).isNull();
    assertThat(main.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getContainerPort()).isEqualTo(8080);
              assertThat(p.getName()).isEqualTo("webide");
            });
    assertThat(main.getEnv()).contains(new V1EnvVar().name("PASSWORD").value("s3cret-pw"));
    assertThat(main.getEnv())
        .extracting(V1EnvVar::getName)
        .doesNotContain("JUPYTER_TOKEN", "NOTEBOOK_ARGS", "NB_PREFIX");
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getPort()).isEqualTo(8080);
              assertThat(p.getTargetPort().getIntValue()).isEqualTo(8080);
            });
    assertThat(service.getSpec().getSelector()).containsEntry("crater.io/job-id", "42");
  }

  @Test
  void itsUrlCarriesNoPasswordWhichIsShownBesideIt() {
    InteractiveEndpoint inCluster = Specs.settings().endpoint(IDE);
    InteractiveEndpoint published = PUBLISHED.endpoint(IDE);

    assertThat(inCluster.url()).isEqualTo("http://crater-42-1.crater-jobs.svc.cluster.local:8080/");
    assertThat(published.url()).isEqualTo("http://gpu.lab.org/apps/crater-42-1/");
    assertThat(published.secret()).isEqualTo("s3cret-pw");
    assertThat(published.secretName()).isEqualTo("password");
    assertThat(published.toString()).doesNotContain("s3cret-pw");
    assertThat(IDE.toString()).doesNotContain("s3cret-pw").contains("WEBIDE");
  }

  @Test
  void publishedItsIngressStripsThePrefixBecauseCodeServerServesAtTheRoot() {
    DesiredWorkload desired = DesiredWorkload.of(IDE, PUBLISHED);
    V1Ingress ingress = desired.ingress();
    V1HTTPIngressPath path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
    V1Container main = desired.pod().getSpec().getContainers().get(0);

    assertThat(path.getPath()).isEqualTo("/apps/crater-42-1(/|$)(.*)");
    assertThat(path.getPathType()).isEqualTo("ImplementationSpecific");
    assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(8080);
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/use-regex", "true")
        .containsEntry("nginx.ingress.kubernetes.io/rewrite-target", "/$2")
        .containsEntry("a", "b");
    assertThat(main.getEnv())
        .contains(new V1EnvVar().name("CRATER_NOTEBOOK_BASE_URL").value("/apps/crater-42-1/"));
    assertThat(main.getEnv()).extracting(V1EnvVar::getName).doesNotContain("NOTEBOOK_ARGS");
  }
}
