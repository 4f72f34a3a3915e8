package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A quota change reaches the next admission pass at once, although the scheduler keeps the limits
 * between passes: on the built war, MariaDB and the simulated cluster.
 */
@ExtendWith(ArquillianExtension.class)
class QuotaChangeIT {

  @ArquillianResource private URL base;

  private Api alice;
  private Api admin;
  private String member;
  private String account;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  @BeforeEach
  void aMemberOfOneGpu() {
    alice = Api.at(base).signUpAndLogIn("alice", "correct horse 3");
    admin = Api.at(base).asAdmin();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> alice.get("api/v1/nodes").status() == 200);
    account = Api.unique("grow");
    Reply created =
        admin.post(
            "api/v1/admin/accounts",
            Map.of("name", account, "displayName", "Growing", "quota", gpus(8)));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String username = alice.get("api/v1/auth/me").body().path("user").path("username").asText();
    member = "api/v1/admin/accounts/" + account + "/members/" + username;
    assertThat(admin.put(member, Map.of("role", "MEMBER", "quota", gpus(1))).status())
        .isEqualTo(200);
  }

  @Test
  void raisingAMembersQuotaAdmitsTheGuaranteedJobWaitingForIt() {
    long first = submit();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !phase(first).equals("QUEUEING"));
    long second = submit();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> waitingReason(second).equals("QuotaExceeded"));

    Reply raised = admin.put(member, Map.of("role", "MEMBER", "quota", gpus(2)));

    // Well inside the scheduler's periodic full read (30 s): the change itself must be seen.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !phase(second).equals("QUEUEING"));
    assertThat(raised.status()).isEqualTo(200);
    alice.delete("api/v1/jobs/" + first);
    alice.delete("api/v1/jobs/" + second);
  }

  @Test
  void lowerQuotaHoldsBackTheNextGuaranteedJob() {
    assertThat(admin.put(member, Map.of("role", "MEMBER", "quota", gpus(2))).status())
        .isEqualTo(200);
    long first = submit();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !phase(first).equals("QUEUEING"));

    assertThat(admin.put(member, Map.of("role", "MEMBER", "quota", gpus(1))).status())
        .isEqualTo(200);
    long second = submit();

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> waitingReason(second).equals("QuotaExceeded"));
    assertThat(phase(second)).isEqualTo("QUEUEING");
    alice.delete("api/v1/jobs/" + first);
    alice.delete("api/v1/jobs/" + second);
  }

  private long submit() {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "train");
    job.put("kind", "BATCH");
    job.put("taskType", "TRAINING");
    job.put("slo", "GUARANTEED");
    job.put("image", "pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime");
    job.put("command", List.of("sh", "-c", "sleep 600"));
    job.put("resources", Map.of("cpu", "4", "memory", "16Gi", "nvidia.com/gpu", "1"));
    job.put("gpuModel", "A100");
    job.put("account", account);
    Reply submitted = alice.post("api/v1/jobs", job);
    assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
    return submitted.body().path("id").asLong();
  }

  private static Map<String, String> gpus(int n) {
    return Map.of("cpu", "64", "memory", "256Gi", "nvidia.com/gpu", Integer.toString(n));
  }

  private String phase(long id) {
    return alice.get("api/v1/jobs/" + id).body().path("phase").asText();
  }

  private String waitingReason(long id) {
    return alice.get("api/v1/jobs/" + id).body().path("waiting").path("reason").asText();
  }
}
