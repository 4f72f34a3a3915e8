package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crater.sim.TestPods.aPod;

import io.kubernetes.client.PodLogs;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.crater.sim.SimClients;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pods/binding and pods/log, with the kubelet running but no scheduler. */
class PodSubresourceTest {
  private static SimCluster cluster;
  private static ApiClient client;
  private static CoreV1Api core;

  @BeforeAll
  static void start() {
    cluster = SimCluster.start(SimConfig.builder().nodes(2).scheduler(false).build());
    client = SimClients.client(cluster);
    core = new CoreV1Api(client);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static RawHttp.Response bind(String pod, String node) throws Exception {
    return RawHttp.post(
        cluster.url() + "/api/v1/namespaces/default/pods/" + pod + "/binding",
        "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\""
            + pod
            + "\"},"
            + "\"target\":{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"name\":\""
            + node
            + "\"}}");
  }

  @Test
  void bindingSetsTheNodeOnceAndAnswersAStatus() throws Exception {
    core.createNamespacedPod("default", aPod("bind-1").runMs(-1).build()).execute();
    RawHttp.Response first = bind("bind-1", "a100-node-1");
    assertThat(first.code()).isEqualTo(201);
    assertThat(first.body()).contains("\"kind\":\"Status\"", "\"status\":\"Success\"");
    assertThat(bind("bind-1", "a100-node-0").code()).isEqualTo(409);
    V1Pod pod = core.readNamespacedPod("bind-1", "default").execute();
    assertThat(pod.getSpec().getNodeName()).isEqualTo("a100-node-1");
  }

  @Test
  void evictionDeletesThePod() throws Exception {
    core.createNamespacedPod("default", aPod("evict-1").runMs(-1).build()).execute();
    RawHttp.Response evicted =
        RawHttp.post(
            cluster.url() + "/api/v1/namespaces/default/pods/evict-1/eviction",
            "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\","
                + "\"metadata\":{\"name\":\"evict-1\",\"namespace\":\"default\"}}");
    assertThat(evicted.code()).isEqualTo(201);
    assertThat(
            core.listNamespacedPod("default")
                .fieldSelector("metadata.name=evict-1")
                .execute()
                .getItems())
        .isEmpty();
  }

  @Test
  void logsServeTailLinesAndFollowUntilThePodEnds() throws Exception {
    core.createNamespacedPod("default", aPod("log-1").runMs(1500).build()).execute();
    bind("log-1", "a100-node-0");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "Running"
                    .equals(
                        core.readNamespacedPod("log-1", "default")
                            .execute()
                            .getStatus()
                            .getPhase()));
    CompletableFuture<List<String>> followed =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in =
                  new PodLogs(client).streamNamespacedPodLog("default", "log-1", "main")) {
                return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    List<String> lines = followed.get(30, TimeUnit.SECONDS);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("started pod log-1");
    assertThat(lines.get(1)).contains("exited with code 0");
    String tail = core.readNamespacedPodLog("log-1", "default").tailLines(1).execute();
    assertThat(tail.strip()).isEqualTo(lines.get(1));
  }
}
