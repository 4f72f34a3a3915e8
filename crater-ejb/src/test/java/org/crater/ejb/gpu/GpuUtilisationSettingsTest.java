package org.crater.ejb.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GpuUtilisationSettingsTest {

  private static GpuUtilisationSettings settings(String url) {
    GpuUtilisationSettings s = new GpuUtilisationSettings();
    s.url = Optional.ofNullable(url);
    s.timeout = Duration.ofSeconds(10);
    s.connectTimeout = Duration.ofSeconds(5);
    s.token = Optional.empty();
    s.username = Optional.empty();
    s.password = Optional.empty();
    s.query = GpuUtilisationSettings.DEFAULT_QUERY;
    s.namespaceLabel = "namespace";
    s.podLabel = "pod";
    return s;
  }

  @Test
  void withoutAUrlThereIsNoSource() {
    assertThat(settings(null).source()).isEmpty();
    assertThat(settings("  ").source()).isEmpty();
  }

  @Test
  void aUrlWithATokenIsASourceWithABearer() {
    GpuUtilisationSettings s = settings(" http://prometheus.monitoring.svc:9090 ");
    s.token = Optional.of("s3cret");
    PrometheusSource source = s.source().orElseThrow();
    assertThat(source.baseUrl()).hasToString("http://prometheus.monitoring.svc:9090");
    assertThat(source.authorization()).contains("Bearer s3cret");
  }

  @Test
  void invalidSettingsAreNamedWithoutTheSecrets() {
    assertThatThrownBy(() -> settings("prometheus:9090").source())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CRATER_PROMETHEUS_*")
        .hasMessageContaining("http(s) URL");
    assertThatThrownBy(() -> settings("http://a b").source())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a URL");
    GpuUtilisationSettings both = settings("http://prom:9090");
    both.token = Optional.of("s3cret");
    both.username = Optional.of("crater");
    assertThatThrownBy(both::source)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("either the token or the user")
        .hasMessageNotContaining("s3cret");
    GpuUtilisationSettings noTimeout = settings("http://prom:9090");
    noTimeout.timeout = Duration.ZERO;
    assertThatThrownBy(noTimeout::source).hasMessageContaining("timeouts must be positive");
    GpuUtilisationSettings noLabel = settings("http://prom:9090");
    noLabel.podLabel = " ";
    assertThatThrownBy(noLabel::source).hasMessageContaining("the pod label must not be empty");
  }
}
