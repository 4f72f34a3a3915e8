package org.crater.ejb.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path of GPU utilisation: crater-sim serves dcgm-exporter's metrics for its running
 * pods, a real Prometheus scrapes them every second, and {@link GpuUtilisation} reads the means
 * back over Prometheus' HTTP API.
 */
class GpuUtilisationIT {
  private static final Duration WINDOW = Duration.ofSeconds(3);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static SimCluster cluster;
  private static PrometheusServer prometheus;
  private static GpuUtilisation utilisation;

  @BeforeAll
  static void start() throws IOException {
    cluster = SimCluster.start(SimConfig.builder().nodes(2).gpusPerNode(8).runMs(-1).build());
    prometheus = PrometheusServer.scraping(URI.create(cluster.url()).getAuthority(), "/metrics");
    utilisation =
        new GpuUtilisation(
            new PrometheusSource(
                URI.create(prometheus.url()),
                GpuUtilisationSettings.DEFAULT_QUERY,
                "namespace",
                "pod",
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Optional.empty()));
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void eachRunningPodsMeanComesBackAndAnEndedPodGoesAway() throws Exception {
    createPod("busy", 2, "75");
    createPod("idle", 1, "3");
    PodRef busy = new PodRef("default", "busy");
    PodRef idle = new PodRef("default", "idle");

    Map<PodRef, Double> means = awaitMeans(m -> m.containsKey(busy) && m.containsKey(idle));
    assertThat(means).containsOnlyKeys(busy, idle);
    assertThat(means.get(busy)).isCloseTo(75.0, within(0.01));
    assertThat(means.get(idle)).isCloseTo(3.0, within(0.01));

    setUtilisation("busy", "25");
    awaitMeans(m -> m.containsKey(busy) && Math.abs(m.get(busy) - 25.0) < 0.01);
    assertThat(utilisation.meanPercent(Duration.ofHours(1)).get(busy))
        .as("over an hour: some samples at 75, some at 25")
        .isStrictlyBetween(25.0, 75.0);

    deletePod("idle");
    assertThat(awaitMeans(m -> !m.containsKey(idle))).containsOnlyKeys(busy);
  }

  private static Map<PodRef, Double> awaitMeans(
      java.util.function.Predicate<Map<PodRef, Double>> done) {
    return await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> utilisation.meanPercent(WINDOW), done);
  }

  private static void createPod(String name, int gpus, String percent) throws Exception {
    String pod =
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
            + name
            + "\",\"annotations\":{\"sim.crater.io/gpu-util\":\""
            + percent
            + "\"}},\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"main\","
            + "\"image\":\"busybox\",\"resources\":{\"limits\":{\"nvidia.com/gpu\":\""
            + gpus
            + "\"}}}]}}";
    send("POST", "", "application/json", pod, 201);
  }

  private static void setUtilisation(String name, String percent) throws Exception {
    String patch =
        "{\"metadata\":{\"annotations\":{\"sim.crater.io/gpu-util\":\"" + percent + "\"}}}";
    send("PATCH", "/" + name, "application/merge-patch+json", patch, 200);
  }

  private static void deletePod(String name) throws Exception {
    send("DELETE", "/" + name, "application/json", "", 200);
  }

  private static void send(String method, String path, String type, String body, int expected)
      throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(cluster.url() + "/api/v1/namespaces/default/pods" + path))
                .header("Content-Type", type)
                .method(
                    method,
                    body.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
  }
}
