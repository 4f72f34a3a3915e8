package org.crater.ejb.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotebookSettingsTest {

  @Test
  void annotationsAreKeyValuePairs() {
    assertThat(
            NotebookSettings.pairs("nginx.ingress.kubernetes.io/proxy-body-size=1g, a.b/c = d ,"))
        .containsExactly(
            Map.entry("nginx.ingress.kubernetes.io/proxy-body-size", "1g"),
            Map.entry("a.b/c", "d"));
    assertThat(NotebookSettings.pairs("")).isEmpty();
    assertThatThrownBy(() -> NotebookSettings.pairs("no-value"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "enabled without host or public URL | true  | ''         | ''",
        "a host with a port                 | true  | 'lab:8080' | ''",
        "annotations without values         | false | ''         | 'x'",
      })
  void invalidSettingsStopTheDeploymentNamingThem(
      String name, boolean enabled, String host, String annotations) {
    NotebookSettings settings = settings(enabled, host, annotations);

    assertThatThrownBy(settings::init)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("crater.notebooks settings (CRATER_NOTEBOOKS_*): ");
  }

  @Test
  void theDefaultsPublishNothing() {
    NotebookSettings settings = settings(false, "", "");

    settings.init();

    assertThat(settings.ingress().enabled()).isFalse();
    assertThat(settings.ingress().pathPrefix()).isEqualTo("/jupyter/");
  }

  private static NotebookSettings settings(boolean enabled, String host, String annotations) {
    NotebookSettings s = new NotebookSettings();
    s.enabled = enabled;
    s.className = Optional.empty();
    s.host = Optional.of(host).filter(h -> !h.isEmpty());
    s.pathPrefix = "/jupyter/";
    s.tlsSecret = Optional.empty();
    s.annotations = Optional.of(annotations);
    s.publicUrl = Optional.empty();
    return s;
  }
}
