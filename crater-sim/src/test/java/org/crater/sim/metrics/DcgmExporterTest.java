package org.crater.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crater.sim.TestPods.aPod;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crater.sim.SimClients;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics}: dcgm-exporter's series for every GPU, attributed to the pods that hold them.
 */
class DcgmExporterTest {
  private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{(.*)} (\\S+)$");
  private static SimCluster cluster;
  private static CoreV1Api core;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    cluster =
        SimCluster.start(
            SimConfig.builder()
                .nodePool(new NodePool(1, "A100", 4, "64", "512Gi"))
                .nodePool(new NodePool(1, "V100", 2, "64", "512Gi"))
                .runMs(-1)
                .gpuUtilPercent(90)
                .build());
    core = new CoreV1Api(SimClients.client(cluster));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @BeforeEach
  void reset() {
    cluster.reset();
  }

  private record Sample(String name, String labels, String value) {
    boolean has(String label, String v) {
      return labels.contains(label + "=\"" + v + "\"");
    }
  }

  private static List<Sample> scrape() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(cluster.metricsUrl())).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    return response
        .body()
        .lines()
        .map(SAMPLE::matcher)
        .filter(Matcher::matches)
        .map(m -> new Sample(m.group(1), m.group(2), m.group(3)))
        .toList();
  }

  private static List<Sample> util(List<Sample> samples) {
    return samples.stream().filter(s -> s.name().equals("DCGM_FI_DEV_GPU_UTIL")).toList();
  }

  private static void awaitRunning(String name) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "Running"
                    .equals(
                        core.readNamespacedPod(name, "default").execute().getStatus().getPhase()));
  }

  @Test
  void everyGpuOfAnIdleClusterIsServedIdleAndUnattributed() throws Exception {
    List<Sample> samples = scrape();
    assertThat(util(samples)).hasSize(6).allSatisfy(s -> assertThat(s.value()).isEqualTo("0"));
    assertThat(samples).noneMatch(s -> s.labels().contains("pod="));
    assertThat(util(samples))
        .anySatisfy(
            s -> {
              assertThat(s.has("gpu", "3")).isTrue();
              assertThat(s.has("device", "nvidia3")).isTrue();
              assertThat(s.has("modelName", "NVIDIA A100")).isTrue();
              assertThat(s.has("Hostname", "a100-node-0")).isTrue();
              assertThat(s.labels()).containsPattern("UUID=\"GPU-[0-9a-f-]{36}\"");
            });
  }

  @Test
  void eachGpuOfARunningPodCarriesItsPodAndItsUtilisation() throws Exception {
    core.createNamespacedPod(
            "default", aPod("busy").gpus(2).annotation(GpuLoad.ANNOTATION, "70").build())
        .execute();
    core.createNamespacedPod("default", aPod("idle").gpus(1).env(GpuLoad.ENV, "3").build())
        .execute();
    core.createNamespacedPod("default", aPod("plain").gpus(1).build()).execute();
    core.createNamespacedPod("default", aPod("cpu-only").build()).execute();
    List.of("busy", "idle", "plain", "cpu-only").forEach(DcgmExporterTest::awaitRunning);

    List<Sample> samples = scrape();
    assertThat(podSeries(samples, "DCGM_FI_DEV_GPU_UTIL", "busy"))
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.value()).isEqualTo("70"))
        .allSatisfy(s -> assertThat(s.has("namespace", "default")).isTrue())
        .allSatisfy(s -> assertThat(s.has("container", "main")).isTrue());
    assertThat(podSeries(samples, "DCGM_FI_DEV_FB_USED", "busy"))
        .allSatisfy(s -> assertThat(s.value()).isEqualTo("28000"));
    assertThat(podSeries(samples, "DCGM_FI_DEV_GPU_UTIL", "idle"))
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo("3"));
    assertThat(podSeries(samples, "DCGM_FI_DEV_GPU_UTIL", "plain"))
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo("90"));
    assertThat(podSeries(samples, "DCGM_FI_DEV_GPU_UTIL", "cpu-only")).isEmpty();
    List<String> held =
        util(samples).stream()
            .filter(s -> s.labels().contains("pod="))
            .map(s -> s.labels().replaceAll(".*(gpu=\"\\d+\").*(Hostname=\"[^\"]*\").*", "$1 $2"))
            .toList();
    assertThat(held).as("no GPU is handed out twice").hasSize(4).doesNotHaveDuplicates();
  }

  @Test
  void aPodKeepsItsGpusWhileOthersComeAndGo() throws Exception {
    core.createNamespacedPod(
            "default", aPod("first").gpus(1).nodeSelector("nvidia.com/gpu.product", "A100").build())
        .execute();
    awaitRunning("first");
    core.createNamespacedPod(
            "default",
            aPod("second").gpus(2).nodeSelector("nvidia.com/gpu.product", "A100").build())
        .execute();
    awaitRunning("second");
    String before = uuids(scrape(), "second");

    core.deleteNamespacedPod("first", "default").execute();
    await().atMost(Duration.ofSeconds(10)).until(() -> uuids(scrape(), "first").isEmpty());
    assertThat(uuids(scrape(), "second")).isEqualTo(before).isNotEmpty();
  }

  @Test
  void aNodeThatIsNotReadyReportsNothing() throws Exception {
    cluster.setNodeReady("v100-node-0", false);
    assertThat(util(scrape())).hasSize(4).noneMatch(s -> s.has("Hostname", "v100-node-0"));
  }

  private static List<Sample> podSeries(List<Sample> samples, String metric, String pod) {
    return samples.stream().filter(s -> s.name().equals(metric) && s.has("pod", pod)).toList();
  }

  private static String uuids(List<Sample> samples, String pod) {
    return podSeries(samples, "DCGM_FI_DEV_GPU_UTIL", pod).stream()
        .map(s -> s.labels().replaceAll(".*UUID=\"([^\"]*)\".*", "$1"))
        .sorted()
        .toList()
        .toString()
        .replace("[]", "");
  }
}
