package org.crater.web.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterProcess;

/**
 * What the policy tests do to one Crater process: accounts with their own policy, members, jobs,
 * and reading timelines and metrics.
 */
final class PolicyLab {

  static final String PASSWORD = "correct horse 3";
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private final CraterProcess backend;
  final Api admin;

  PolicyLab(CraterProcess backend) {
    this.backend = backend;
    this.admin = Api.at(backend.base()).asAdmin();
  }

  Api anonymous() {
    return Api.at(backend.base());
  }

  /** A new account with its own policy and a quota of one GPU for guaranteed work. */
  String account(String prefix, Map<String, Object> policy) {
    String name = Api.unique(prefix).toLowerCase(Locale.ROOT);
    Reply created =
        admin.post(
            "api/v1/admin/accounts",
            Map.of("name", name, "displayName", prefix, "quota", oneGpu()));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    Reply put = admin.put("api/v1/admin/accounts/" + name + "/policy", policy);
    assertThat(put.status()).as(put.raw()).isEqualTo(200);
    return name;
  }

  /** A new user, member of {@code account} with a quota of one GPU, logged in. */
  Api memberOf(String account) {
    String username = anonymous().signUp("owner", PASSWORD);
    Reply member =
        admin.put(
            "api/v1/admin/accounts/" + account + "/members/" + username,
            Map.of("role", "MEMBER", "quota", oneGpu()));
    assertThat(member.status()).as(member.raw()).isEqualTo(200);
    return anonymous().logIn(username, PASSWORD);
  }

  private static Map<String, String> oneGpu() {
    return Map.of("cpu", "4", "memory", "8Gi", "nvidia.com/gpu", "1");
  }

  /** Submits a one-GPU batch job running {@code script}. */
  static long submit(Api api, String account, String script, boolean guaranteed) {
    return submit(api, account, script, guaranteed, Map.of());
  }

  /**
   * Submits a one-GPU batch job running {@code script} with the environment {@code env} (e.g.
   * {@code SIM_GPU_UTIL}, the utilisation the simulated cluster reports for its pod).
   */
  static long submit(
      Api api, String account, String script, boolean guaranteed, Map<String, String> env) {
    Map<String, Object> job = new HashMap<>();
    job.put("env", env);
    job.put("name", "policy");
    job.put("account", account);
    job.put("kind", "BATCH");
    job.put("taskType", "TRAINING");
    job.put("slo", guaranteed ? "GUARANTEED" : "BEST_EFFORT");
    job.put("image", "busybox:1.36");
    job.put("command", List.of("sh", "-c", script));
    job.put("gpuModel", "A100");
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi", "nvidia.com/gpu", "1"));
    Reply reply = api.post("api/v1/jobs", job);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    return reply.body().path("id").asLong();
  }

  static JsonNode awaitPhase(Api api, long id, String phase) {
    return awaitPhase(api, id, phase, PATIENCE);
  }

  static JsonNode awaitPhase(Api api, long id, String phase, Duration patience) {
    Awaitility.await("job " + id + " " + phase)
        .atMost(patience)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.get("api/v1/jobs/" + id).body().path("phase").asText().equals(phase));
    return api.get("api/v1/jobs/" + id).body();
  }

  static List<JsonNode> events(Api api, long id) {
    List<JsonNode> events = new ArrayList<>();
    api.get("api/v1/jobs/" + id + "/events").body().forEach(events::add);
    return events;
  }

  static long count(List<JsonNode> events, String reason) {
    return events.stream().filter(e -> e.path("reason").asText().equals(reason)).count();
  }

  static JsonNode only(List<JsonNode> events, String reason) {
    List<JsonNode> found =
        events.stream().filter(e -> e.path("reason").asText().equals(reason)).toList();
    assertThat(found).as(reason + " in " + events).hasSize(1);
    return found.get(0);
  }

  /** The server's {@code /metrics} text. */
  String metrics() throws IOException, InterruptedException {
    URI uri = URI.create(backend.base().toString()).resolve("/metrics");
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
