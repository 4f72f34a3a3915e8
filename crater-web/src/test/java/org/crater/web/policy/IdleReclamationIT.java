package org.crater.web.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.web.policy.PolicyLab.PATIENCE;
import static org.crater.web.policy.PolicyLab.awaitPhase;
import static org.crater.web.policy.PolicyLab.count;
import static org.crater.web.policy.PolicyLab.events;
import static org.crater.web.policy.PolicyLab.only;
import static org.crater.web.policy.PolicyLab.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.crater.ejb.gpu.PrometheusServer;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.crater.sim.api.ResourceRegistry;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Idle reclamation end to end over HTTP, from a real source of GPU utilisation: the simulated
 * cluster serves dcgm-exporter's metrics for its pods (each job's {@code SIM_GPU_UTIL}), a real
 * Prometheus scrapes them every second, and a Crater process of its own (checks every 0.5 s, its
 * own MariaDB database) reads them through {@code CRATER_PROMETHEUS_URL}. An idle job is warned,
 * then stopped after the grace with its pod, quota and GPU-hours accounted for; a busy job under
 * the same policy runs on; an approved extension withdraws the warning and postpones the stop; a
 * restart between the warning and the stop neither warns twice nor skips the stop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleReclamationIT {

  private static final String NAMESPACE = "crater-jobs";
  private static final Pattern RECLAIMED =
      Pattern.compile("(?m)^crater_policy_reclaimed_gpu_hours(?:\\{[^}]*})? (\\S+)$");

  private SimCluster sim;
  private PrometheusServer prometheus;
  private final Map<String, String> env = new HashMap<>();
  private int port;
  private CraterProcess backend;
  private PolicyLab lab;

  @BeforeAll
  void start() throws IOException {
    sim =
        SimCluster.start(
            SimConfig.builder()
                .port(CraterProcess.freePort())
                .nodePool(NodePool.parse("2:A100:8", "64", "512Gi"))
                .namespace(NAMESPACE)
                .build());
    prometheus = PrometheusServer.scraping(URI.create(sim.url()).getAuthority(), "/metrics");
    env.put("CRATER_DB_URL", System.getProperty("crater.it.idle.db.url"));
    env.put("CRATER_K8S_URL", sim.url());
    env.put("CRATER_POLICIES_CHECK_PERIOD", "PT0.5S");
    env.put("CRATER_PROMETHEUS_URL", prometheus.url());
    port = CraterProcess.freePort();
    backend = CraterProcess.start("idle", env, port);
    lab = new PolicyLab(backend);
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (backend != null) {
      backend.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
    sim.close();
  }

  @Test
  void anIdleJobIsWarnedThenStoppedAndItsGpuFreedWhileABusyJobRunsOn() throws Exception {
    String account = lab.account("idle", idlePolicy("PT4S", 0));
    JsonNode view = lab.admin.get("api/v1/admin/accounts/" + account + "/policy").body();
    assertThat(view.path("idleReclamation").asText()).isEqualTo("on");
    Api idleOwner = lab.memberOf(account);
    Api busyOwner = lab.memberOf(account);
    long idle = submit(idleOwner, account, "sleep 300", true, Map.of("SIM_GPU_UTIL", "2"));
    long busy = submit(busyOwner, account, "sleep 300", false, Map.of("SIM_GPU_UTIL", "90"));
    awaitPhase(idleOwner, idle, "RUNNING");
    awaitPhase(busyOwner, busy, "RUNNING");
    assertThat(gpusUsed(idleOwner, account)).isEqualTo("1");

    JsonNode stopped = awaitPhase(idleOwner, idle, "CANCELLED");
    assertThat(stopped.path("reason").asText()).isEqualTo("IdleReclaimed");
    List<JsonNode> events = events(idleOwner, idle);
    JsonNode warning = only(events, "IdleWarning");
    assertThat(warning.path("from").asText()).isEqualTo("RUNNING");
    assertThat(warning.path("to").asText()).isEqualTo("RUNNING");
    assertThat(warning.path("actor").asText()).isEqualTo("policy");
    JsonNode stop = only(events, "IdleReclaimed");
    assertThat(stop.path("to").asText()).isEqualTo("CANCELLED");
    assertThat(stop.path("message").asText()).contains("10", "PT4S");
    assertThat(Duration.between(at(warning), at(stop))).isGreaterThanOrEqualTo(seconds(4));

    awaitPodDeleted(idle);
    Awaitility.await("quota freed")
        .atMost(PATIENCE)
        .until(() -> gpusUsed(idleOwner, account).equals("0"));
    JsonNode usage = idleOwner.get("api/v1/usage?groupBy=account").body().path("rows");
    assertThat(usage).as("the stopped attempt's accounting").hasSize(1);
    assertThat(usage.get(0).path("gpuHours").decimalValue()).isPositive();
    String metrics = lab.metrics();
    assertThat(metrics)
        .containsPattern("crater_policy_actions_total\\{[^}]*reason=\"IdleWarning\"[^}]*} [1-9]")
        .containsPattern("crater_policy_actions_total\\{[^}]*reason=\"IdleReclaimed\"[^}]*} [1-9]");
    assertThat(reclaimedGpuHours(metrics)).isPositive();

    assertThat(busyOwner.get("api/v1/jobs/" + busy).body().path("phase").asText())
        .as("busy through the same time")
        .isEqualTo("RUNNING");
    assertThat(count(events(busyOwner, busy), "IdleWarning")).isZero();
    busyOwner.delete("api/v1/jobs/" + busy);
  }

  @Test
  void anApprovedExtensionWithdrawsTheIdleWarningAndPostponesTheStop() {
    String account = lab.account("idleext", idlePolicy("PT6S", 1));
    Api owner = lab.memberOf(account);
    long id = submit(owner, account, "sleep 300", false, Map.of("SIM_GPU_UTIL", "2"));
    awaitPhase(owner, id, "RUNNING");
    Awaitility.await("idle warning")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> count(events(owner, id), "IdleWarning") == 1);

    Reply extension =
        owner.post(
            "api/v1/jobs/" + id + "/extensions", Map.of("hours", 1, "reason", "loading data"));
    assertThat(extension.status()).as(extension.raw()).isEqualTo(201);
    assertThat(extension.body().path("state").asText()).isEqualTo("APPROVED");

    JsonNode stopped = awaitPhase(owner, id, "CANCELLED");
    assertThat(stopped.path("reason").asText()).isEqualTo("IdleReclaimed");
    List<JsonNode> events = events(owner, id);
    List<String> order = events.stream().map(e -> e.path("reason").asText()).toList();
    assertThat(order)
        .as("warned again after the approval, stopped only then")
        .containsSubsequence("IdleWarning", "ExtensionApproved", "IdleWarning", "IdleReclaimed");
    assertThat(count(events, "IdleWarning")).isEqualTo(2);
    List<Instant> warnings =
        events.stream()
            .filter(e -> e.path("reason").asText().equals("IdleWarning"))
            .map(IdleReclamationIT::at)
            .toList();
    Instant approved = at(only(events, "ExtensionApproved"));
    Instant reclaimed = at(only(events, "IdleReclaimed"));
    assertThat(Duration.between(warnings.get(0), approved))
        .as("approved within the first warning's grace")
        .isLessThan(seconds(6));
    assertThat(Duration.between(warnings.get(1), reclaimed)).isGreaterThanOrEqualTo(seconds(6));
    awaitPodDeleted(id);
  }

  @Test
  void aRestartBetweenTheIdleWarningAndTheStopNeitherWarnsTwiceNorSkipsTheStop() throws Exception {
    String account = lab.account("idlerestart", idlePolicy("PT40S", 0));
    Api owner = lab.memberOf(account);
    long id = submit(owner, account, "sleep 600", false, Map.of("SIM_GPU_UTIL", "2"));
    awaitPhase(owner, id, "RUNNING");
    Awaitility.await("idle warning")
        .atMost(PATIENCE)
        .until(() -> count(events(owner, id), "IdleWarning") == 1);

    backend.close();
    backend = CraterProcess.start("idle-2", env, port);
    lab = new PolicyLab(backend);
    Api again = owner.on(backend.base()); // the same signing secret: its token still holds
    JsonNode stopped = awaitPhase(again, id, "CANCELLED", Duration.ofMinutes(2)); // 40 s grace
    assertThat(stopped.path("reason").asText()).isEqualTo("IdleReclaimed");
    List<JsonNode> events = events(again, id);
    JsonNode warning = only(events, "IdleWarning");
    JsonNode stop = only(events, "IdleReclaimed");
    assertThat(Duration.between(at(warning), at(stop))).isGreaterThanOrEqualTo(seconds(40));
    awaitPodDeleted(id);
    assertThat(reclaimedGpuHours(lab.metrics()))
        .as("counted by the new leader: the GPU idle over the window and the grace")
        .isGreaterThanOrEqualTo(new BigDecimal("0.01"));
  }

  /**
   * Idle below 10 % over 3 s, stopped after {@code grace}; {@code autoApproveHours} of extension.
   */
  private static Map<String, Object> idlePolicy(String grace, int autoApproveHours) {
    return Map.of(
        "idleThresholdPercent",
        10,
        "idleWindow",
        "PT3S",
        "idleGrace",
        grace,
        "autoApproveHours",
        autoApproveHours);
  }

  private void awaitPodDeleted(long id) {
    Awaitility.await("pod deleted")
        .atMost(PATIENCE)
        .until(
            () ->
                sim.store()
                    .find(ResourceRegistry.PODS, NAMESPACE, "crater-" + id + "-1")
                    .isEmpty());
  }

  /** The GPUs the account's guaranteed jobs hold, as the member's quota view says. */
  private static String gpusUsed(Api member, String account) {
    return member.get("api/v1/quota").body().findParents("account").stream()
        .filter(quota -> quota.path("account").asText().equals(account))
        .flatMap(quota -> quota.path("resources").findParents("name").stream())
        .filter(resource -> resource.path("name").asText().equals("nvidia.com/gpu"))
        .map(resource -> resource.path("accountUsed").asText())
        .findFirst()
        .orElseThrow();
  }

  private static BigDecimal reclaimedGpuHours(String metrics) {
    Matcher matcher = RECLAIMED.matcher(metrics);
    assertThat(matcher.find()).as("crater_policy_reclaimed_gpu_hours in\n" + metrics).isTrue();
    return new BigDecimal(matcher.group(1));
  }

  private static Instant at(JsonNode event) {
    return Instant.parse(event.path("at").asText());
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
