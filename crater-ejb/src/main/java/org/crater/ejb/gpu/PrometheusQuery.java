package org.crater.ejb.gpu;

import java.time.Duration;

/** The PromQL text of one utilisation query: the template with its window filled in. */
final class PrometheusQuery {

  private PrometheusQuery() {}

  /** The template with every {@value PrometheusSource#WINDOW} replaced by the window. */
  static String render(String template, Duration window) {
    return template.replace(PrometheusSource.WINDOW, duration(window));
  }

  /**
   * The window in Prometheus' duration syntax, in its largest whole unit: {@code 1500ms}, {@code
   * 90s}, {@code 15m}, {@code 2h}, {@code 3d}.
   */
  static String duration(Duration window) {
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the utilisation window must be positive: " + window);
    }
    long ms = window.toMillis();
    if (ms == 0) {
      throw new IllegalArgumentException("the utilisation window must be at least 1 ms: " + window);
    }
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}
