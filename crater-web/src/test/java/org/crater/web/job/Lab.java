package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crater.web.Api;
import org.crater.web.Api.Reply;

/** A fresh account of 32 GPUs for one test, made by an administrator: its members and its jobs. */
final class Lab {

  private final Api admin;
  private final String name;

  private Lab(Api admin, String name) {
    this.admin = admin;
    this.name = name;
  }

  /** Creates the account through {@code admin}. */
  static Lab create(Api admin) {
    String name = Api.unique("lab");
    Reply account =
        admin.post(
            "api/v1/admin/accounts",
            Map.of(
                "name",
                name,
                "displayName",
                "Lab",
                "quota",
                Map.of("cpu", "256", "memory", "1Ti", "nvidia.com/gpu", "32")));
    assertThat(account.status()).as(account.raw()).isEqualTo(201);
    return new Lab(admin, name);
  }

  String name() {
    return name;
  }

  /** Makes the user a member with a quota of {@code gpus} GPUs. */
  void join(Api member, int gpus) {
    String username = member.get("api/v1/auth/me").body().path("user").path("username").asText();
    Reply reply =
        admin.put(
            "api/v1/admin/accounts/" + name + "/members/" + username,
            Map.of(
                "role",
                "MEMBER",
                "quota",
                Map.of("cpu", "32", "memory", "128Gi", "nvidia.com/gpu", "" + gpus)));
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
  }

  /** A batch job in this account that runs {@code script}. */
  Map<String, Object> job(String slo, String model, int gpus, String script) {
    Map<String, Object> job = new HashMap<>();
    job.put("account", name);
    job.put("name", "journey");
    job.put("kind", "BATCH");
    job.put("taskType", "TRAINING");
    job.put("slo", slo);
    job.put("image", "pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime");
    job.put("command", List.of("sh", "-c", script));
    job.put("resources", Map.of("cpu", "2", "memory", "8Gi", "nvidia.com/gpu", "" + gpus));
    job.put("gpuModel", model);
    return job;
  }

  /**
   * Lets the account expire a day ago, without a quota of its own: nothing in it is admitted from
   * then on, so its jobs stay queued.
   */
  void expire() {
    Reply reply =
        admin.put(
            "api/v1/admin/accounts/" + name,
            Map.of(
                "displayName",
                "Lab",
                "expiresAt",
                Instant.now().minus(Duration.ofDays(1)).toString()));
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
  }
}
