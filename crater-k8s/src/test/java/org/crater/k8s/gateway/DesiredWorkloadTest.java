package org.crater.k8s.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.support.Specs;
import org.crater.k8s.workload.NotebookIngress;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DesiredWorkloadTest {

  private static final NotebookIngress PUBLISHED =
      new NotebookIngress(true, "nginx", "nb.lab.org", null, null, null, null);

  record Case(
      String name,
      UnaryOperator<WorkloadSpec.Builder> spec,
      UnaryOperator<WorkloadSettings> settings,
      boolean pod,
      boolean volcano,
      boolean service,
      boolean ingress) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
            new Case("single batch replica -> pod", b -> b, s -> s, true, false, false, false),
            new Case(
                "two batch replicas -> volcano",
                b -> b.replicas(2),
                s -> s,
                false,
                true,
                false,
                false),
            new Case(
                "pytorch gang -> volcano",
                b -> b.kind(WorkloadKinds.PYTORCH).replicas(4),
                s -> s,
                false,
                true,
                false,
                false),
            new Case(
                "single-replica pytorch -> volcano",
                b -> b.kind(WorkloadKinds.PYTORCH),
                s -> s,
                false,
                true,
                false,
                false),
            new Case(
                "jupyter -> pod + service",
                b -> b.kind(WorkloadKinds.JUPYTER),
                s -> s,
                true,
                false,
                true,
                false),
            new Case(
                "published jupyter -> pod + service + ingress",
                b -> b.kind(WorkloadKinds.JUPYTER),
                s -> s.withNotebooks(PUBLISHED),
                true,
                false,
                true,
                true),
            new Case(
                "published batch -> pod only",
                b -> b,
                s -> s.withNotebooks(PUBLISHED),
                true,
                false,
                false,
                false),
            new Case(
                "volcano for all -> volcano",
                b -> b,
                s -> s.withVolcanoForAll(true),
                false,
                true,
                false,
                false))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void choosesTheObjects(Case c) {
    DesiredWorkload d =
        DesiredWorkload.of(
            c.spec().apply(Specs.aJob()).build(), c.settings().apply(Specs.settings()));
    assertThat(d.name()).isEqualTo("crater-42-1");
    assertThat(d.namespace()).isEqualTo("crater-jobs");
    assertThat(d.pod() != null).as("pod").isEqualTo(c.pod());
    assertThat(d.volcanoJob() != null).as("volcano").isEqualTo(c.volcano());
    assertThat(d.service() != null).as("service").isEqualTo(c.service());
    assertThat(d.ingress() != null).as("ingress").isEqualTo(c.ingress());
    assertThat(d.endpoint() != null).as("endpoint").isEqualTo(c.service());
  }
}
