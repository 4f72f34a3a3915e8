package org.crater.ejb.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrometheusSourceTest {

  private static PrometheusSource source(String url, Optional<String> authorization) {
    return new PrometheusSource(
        URI.create(url),
        GpuUtilisationSettings.DEFAULT_QUERY,
        "namespace",
        "pod",
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        authorization);
  }

  @Test
  void theQueryEndpointFollowsTheBaseUrlAndItsPath() {
    assertThat(source("http://prom:9090", Optional.empty()).queryEndpoint())
        .hasToString("http://prom:9090/api/v1/query");
    assertThat(source("https://lab.example/prometheus/", Optional.empty()).queryEndpoint())
        .hasToString("https://lab.example/prometheus/api/v1/query");
  }

  @Test
  void onlyHttpUrlsWithAHostAndWithoutCredentialsAreTaken() {
    assertThatThrownBy(() -> source("ftp://prom:21", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> source("prom:9090", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> source("http://admin:secret@prom:9090", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
  }

  @Test
  void aTokenIsSentAsBearerAndAUserWithPasswordAsBasic() {
    assertThat(
            PrometheusSource.authorization(
                Optional.of(" t0k "), Optional.empty(), Optional.empty()))
        .contains("Bearer t0k");
    assertThat(
            PrometheusSource.authorization(
                Optional.empty(), Optional.of("crater"), Optional.of("pw")))
        .contains("Basic Y3JhdGVyOnB3");
    assertThat(PrometheusSource.authorization(Optional.empty(), Optional.empty(), Optional.of("x")))
        .isEmpty();
    assertThatThrownBy(
            () ->
                PrometheusSource.authorization(
                    Optional.of("t"), Optional.of("u"), Optional.of("p")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itsTextNamesTheKindOfCredentialsOnly() {
    String text = source("http://prom:9090", Optional.of("Bearer very-secret")).toString();
    assertThat(text).contains("http://prom:9090").contains("Bearer").doesNotContain("very-secret");
  }
}
