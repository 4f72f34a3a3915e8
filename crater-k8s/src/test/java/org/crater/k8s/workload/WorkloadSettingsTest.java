package org.crater.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.support.Specs;
import org.junit.jupiter.api.Test;

class WorkloadSettingsTest {

  @Test
  void tokenIsDeterministicPerJobAndSecret() {
    WorkloadSettings s = Specs.settings();
    String t1 = s.accessSecret(Specs.aJob().attempt(1).build());
    assertThat(t1).hasSize(32).isEqualTo(s.accessSecret(Specs.aJob().attempt(2).build()));
    assertThat(t1).isNotEqualTo(s.accessSecret(Specs.aJob().jobId(43).build()));
    assertThat(t1)
        .isNotEqualTo(WorkloadSettings.defaults("other").accessSecret(Specs.aJob().build()));
  }

  @Test
  void tokenFromSpecWins() {
    assertThat(Specs.settings().accessSecret(Specs.aJob().accessSecret("abc").build()))
        .isEqualTo("abc");
  }

  @Test
  void endpointUrlNamesServiceAndNamespace() {
    InteractiveEndpoint e = Specs.settings().endpoint(notebook().namespace("lab").build());
    assertThat(e.url()).startsWith("http://crater-42-1.lab.svc.cluster.local:8888/?token=");
    assertThat(e.toString()).doesNotContain(e.secret());
  }

  @Test
  void aPublishedNotebookShowsItsPublicUrlAndTheStoredToken() {
    WorkloadSettings published =
        Specs.settings()
            .withNotebooks(
                new NotebookIngress(
                    true, "nginx", "nb.lab.org", "/jupyter/", "nb-tls", null, null));
    WorkloadSpec spec = notebook().attempt(2).accessSecret("0123abcd").build();

    InteractiveEndpoint e = published.endpoint(spec);

    assertThat(e.url()).isEqualTo("https://nb.lab.org/jupyter/crater-42-2/?token=0123abcd");
    assertThat(e.secret()).isEqualTo("0123abcd");
    assertThat(published.notebookBasePath(spec)).isEqualTo("/jupyter/crater-42-2/");
    assertThat(Specs.settings().notebookBasePath(spec)).isEqualTo("/");
    assertThat(published.withNamespace("lab").notebooks()).isEqualTo(published.notebooks());
  }

  @Test
  void everyCopyChangesOnlyItsOwnSetting() {
    WorkloadSettings base = WorkloadSettings.defaults("secret");
    NotebookIngress off = base.notebooks();
    NotebookIngress ingress =
        new NotebookIngress(true, "nginx", "nb.lab.org", "/jupyter/", null, null, null);
    NodeLossPolicy usual = base.nodeLoss();
    NodeLossPolicy patient = new NodeLossPolicy(300, 300, Duration.ofMinutes(5));

    assertThat(base).isEqualTo(defaultsBut("crater-jobs", false, off, usual));
    assertThat(base.withNamespace("lab")).isEqualTo(defaultsBut("lab", false, off, usual));
    assertThat(base.withVolcanoForAll(true))
        .isEqualTo(defaultsBut("crater-jobs", true, off, usual));
    assertThat(base.withNotebooks(ingress))
        .isEqualTo(defaultsBut("crater-jobs", false, ingress, usual));
    assertThat(base.withNodeLoss(patient))
        .isEqualTo(defaultsBut("crater-jobs", false, off, patient));
  }

  /** The defaults with secret {@code secret} but for these four settings. */
  private static WorkloadSettings defaultsBut(
      String namespace, boolean volcanoForAll, NotebookIngress notebooks, NodeLossPolicy nodeLoss) {
    return new WorkloadSettings(
        namespace, volcanoForAll, true, "cluster.local", "secret", null, notebooks, nodeLoss);
  }

  @Test
  void namesAreDeterministicAndParseBack() {
    assertThat(WorkloadNames.objectName(42, 3)).isEqualTo("crater-42-3");
    assertThat(WorkloadNames.jobIdOf("crater-42-3")).hasValue(42);
    assertThat(WorkloadNames.jobIdOf("other-42-3")).isEmpty();
  }

  @Test
  void specRejectsNonsense() {
    assertThatThrownBy(() -> Specs.aJob().jobId(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Specs.aJob().replicas(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelValuesAreSanitised() {
    assertThat(WorkloadNames.labels(Specs.aJob().account("ML Team/α").build()))
        .containsEntry("crater.io/account", "ML_Team");
  }

  private static WorkloadSpec.Builder notebook() {
    return Specs.aJob().kind(WorkloadKinds.JUPYTER);
  }
}
