package org.crater.ejb.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrometheusQueryTest {

  @Test
  void windowsAreWrittenInTheirLargestWholeUnit() {
    assertThat(PrometheusQuery.duration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(PrometheusQuery.duration(Duration.ofSeconds(5))).isEqualTo("5s");
    assertThat(PrometheusQuery.duration(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(PrometheusQuery.duration(Duration.ofMinutes(15))).isEqualTo("15m");
    assertThat(PrometheusQuery.duration(Duration.ofMinutes(120))).isEqualTo("2h");
    assertThat(PrometheusQuery.duration(Duration.ofHours(72))).isEqualTo("3d");
    assertThat(PrometheusQuery.duration(Duration.ofHours(25))).isEqualTo("25h");
  }

  @Test
  void aWindowThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> PrometheusQuery.duration(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrometheusQuery.duration(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrometheusQuery.duration(Duration.ofNanos(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyWindowPlaceholderOfTheTemplateIsFilledIn() {
    assertThat(PrometheusQuery.render(GpuUtilisationSettings.DEFAULT_QUERY, Duration.ofMinutes(30)))
        .isEqualTo("avg by (namespace, pod) (avg_over_time(DCGM_FI_DEV_GPU_UTIL{pod!=\"\"}[30m]))");
    assertThat(
            PrometheusQuery.render(
                "max_over_time(x[{window}]) - min_over_time(x[{window}])", Duration.ofSeconds(10)))
        .isEqualTo("max_over_time(x[10s]) - min_over_time(x[10s])");
  }
}
