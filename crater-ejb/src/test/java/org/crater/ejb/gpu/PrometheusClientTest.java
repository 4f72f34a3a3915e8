package org.crater.ejb.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP side against a local server standing in for Prometheus (the boundary): what is sent, and
 * how each kind of failure is told. Reading real Prometheus is GpuUtilisationIT.
 */
class PrometheusClientTest {
  private static final String ANSWER =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"
          + "{\"namespace\":\"a\",\"pod\":\"p\"},\"value\":[1.5,\"42\"]}]}}";

  private HttpServer server;
  private final AtomicReference<String> body = new AtomicReference<>();
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String answer = ANSWER;
  private volatile long delayMs;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/prom/api/v1/query", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange ex) throws IOException {
    body.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    authorization.set(ex.getRequestHeaders().getFirst("Authorization"));
    try {
      Thread.sleep(delayMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private PrometheusSource source(String url, Optional<String> auth) {
    return new PrometheusSource(
        URI.create(url),
        GpuUtilisationSettings.DEFAULT_QUERY,
        "namespace",
        "pod",
        Duration.ofSeconds(1),
        Duration.ofMillis(500),
        auth);
  }

  private GpuUtilisation utilisation(Optional<String> auth) {
    return new GpuUtilisation(
        source("http://127.0.0.1:" + server.getAddress().getPort() + "/prom", auth));
  }

  @Test
  void theRenderedQueryIsPostedWithTheCredentials() {
    Map<PodRef, Double> means =
        utilisation(Optional.of("Bearer s3cret")).meanPercent(Duration.ofMinutes(10));
    assertThat(means).containsOnly(Map.entry(new PodRef("a", "p"), 42.0));
    assertThat(URLDecoder.decode(body.get(), StandardCharsets.UTF_8))
        .isEqualTo(
            "query=avg by (namespace, pod) (avg_over_time(DCGM_FI_DEV_GPU_UTIL{pod!=\"\"}[10m]))");
    assertThat(authorization.get()).isEqualTo("Bearer s3cret");
  }

  @Test
  void withoutCredentialsNoAuthorizationIsSent() {
    utilisation(Optional.empty()).meanPercent(Duration.ofMinutes(1));
    assertThat(authorization.get()).isNull();
  }

  @Test
  void refusedCredentialsAreToldWithoutThem() {
    status = 401;
    answer = "Unauthorized";
    assertThatThrownBy(
            () -> utilisation(Optional.of("Bearer s3cret")).meanPercent(Duration.ofMinutes(1)))
        .isInstanceOf(GpuUtilisationUnavailableException.class)
        .hasMessageContaining("refused Crater's credentials (HTTP 401)")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void anUnavailablePrometheusIsUnavailable() {
    status = 503;
    answer = "Service Unavailable";
    assertThatThrownBy(() -> utilisation(Optional.empty()).meanPercent(Duration.ofMinutes(1)))
        .isInstanceOf(GpuUtilisationUnavailableException.class)
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void aSlowPrometheusIsUnavailableAfterTheTimeout() {
    delayMs = 1500;
    assertThatThrownBy(() -> utilisation(Optional.empty()).meanPercent(Duration.ofMinutes(1)))
        .isInstanceOf(GpuUtilisationUnavailableException.class)
        .hasMessageContaining("did not answer within PT0.5S");
  }

  @Test
  void aPrometheusThatIsNotThereIsUnavailable() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    GpuUtilisation nowhere =
        new GpuUtilisation(source("http://127.0.0.1:" + port, Optional.empty()));
    assertThatThrownBy(() -> nowhere.meanPercent(Duration.ofMinutes(1)))
        .isInstanceOf(GpuUtilisationUnavailableException.class)
        .hasMessageContaining("cannot be reached");
  }

  @Test
  void withoutAPrometheusNothingIsConfiguredAndNothingIsGuessed() {
    GpuUtilisation none = new GpuUtilisation(null);
    assertThat(none.configured()).isFalse();
    assertThat(utilisation(Optional.empty()).configured()).isTrue();
    assertThatThrownBy(() -> none.meanPercent(Duration.ofMinutes(1)))
        .isInstanceOf(GpuUtilisationUnavailableException.class)
        .hasMessageContaining("CRATER_PROMETHEUS_URL");
  }
}
