package org.crater.web.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.web.notify.NotifiedJobs.awaitPhase;
import static org.crater.web.notify.NotifiedJobs.entries;
import static org.crater.web.notify.NotifiedJobs.submit;
import static org.crater.web.notify.NotifiedJobs.triesByChannel;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Notifications over HTTP: Payara Micro of its own on MariaDB, the simulated cluster, GreenMail and
 * a webhook receiver that checks signatures and fails the first calls (retries must happen). The
 * owner gets what they chose, once each, also across a restart; nobody else gets any of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private SimCluster sim;
  private Mailbox smtp;
  private WebhookReceiver receiver;
  private final Map<String, String> env = new HashMap<>();
  private CraterProcess backend;

  @BeforeAll
  void start() throws IOException {
    sim =
        SimCluster.start(
            SimConfig.builder()
                .port(CraterProcess.freePort())
                .nodePool(NodePool.parse("2:A100:8", "64", "512Gi"))
                .namespace("crater-jobs")
                .build());
    smtp = new Mailbox();
    receiver = new WebhookReceiver(2);
    env.put("CRATER_DB_URL", System.getProperty("crater.it.notify.db.url"));
    env.put("CRATER_K8S_URL", sim.url());
    env.put("CRATER_MAIL_HOST", "127.0.0.1");
    env.put("CRATER_MAIL_PORT", String.valueOf(smtp.port()));
    env.put("CRATER_MAIL_TLS", "none");
    env.put("CRATER_MAIL_FROM", "crater@lab.example");
    env.put("CRATER_NOTIFICATIONS_POLL", "PT0.2S");
    env.put("CRATER_NOTIFICATIONS_RETRY_BASE", "PT0.5S");
    env.put("CRATER_NOTIFICATIONS_RETRY_MAX", "PT1S");
    env.put("CRATER_NOTIFICATIONS_ATTEMPTS", "3");
    env.put("CRATER_NOTIFICATIONS_WEBHOOK_TIMEOUT", "PT2S");
    backend = CraterProcess.start("notify", env);
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (backend != null) {
      backend.close();
    }
    receiver.close();
    smtp.close();
    sim.close();
  }

  @Test
  void theOwnerGetsTheListTheEmailsAndTheSignedWebhooksAndNobodyElseDoes() throws Exception {
    String alice = signUp("alice");
    String bob = signUp("bob");
    Api asAlice = logIn(alice);
    Api asBob = logIn(bob);
    hook(asAlice, alice);
    Reply chosen =
        asAlice.put(
            "api/v1/notifications/preferences",
            Map.of(
                "FINISHED", Map.of("EMAIL", true, "WEBHOOK", true),
                "FAILED", Map.of("WEBHOOK", true)));
    assertThat(chosen.status()).as(chosen.raw()).isEqualTo(200);
    assertThat(chosen.body().path("FINISHED").path("EMAIL").asBoolean()).isTrue();
    assertThat(chosen.body().path("STARTED").path("IN_API").asBoolean()).isTrue();
    assertThat(chosen.body().path("STARTED").path("EMAIL").asBoolean()).isFalse();

    long finished = submit(asAlice, "sleep 1");
    long failed = submit(asAlice, "sleep 1; exit 3");
    awaitPhase(asAlice, finished, "SUCCEEDED");
    awaitPhase(asAlice, failed, "FAILED");

    List<String> expected =
        List.of(
            "STARTED " + finished, "FINISHED " + finished, "STARTED " + failed, "FAILED " + failed);
    Awaitility.await("alice's list")
        .atMost(PATIENCE)
        .until(() -> entries(asAlice, "").containsAll(expected));
    Awaitility.await("the e-mails")
        .atMost(PATIENCE)
        .until(() -> smtp.to(alice + "@lab.example").size() == 2);
    Awaitility.await("the webhook calls, after the failed first tries")
        .atMost(PATIENCE)
        .until(() -> receiver.accepted(alice).size() == 2);
    Thread.sleep(2_000); // anything repeated would show up by now

    assertThat(entries(asAlice, "")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(entries(asBob, "")).isEmpty();
    assertThat(smtp.to(bob + "@lab.example")).isEmpty();
    assertEmails(alice, finished, failed);
    assertWebhookCalls(alice, finished, failed);
    assertDeliveryTries(alice, bob);
  }

  @Test
  void readAndUnreadAreTheOwnersOnly() {
    String carol = signUp("carol");
    Api asCarol = logIn(carol);
    Api asBob = logIn(signUp("bob"));
    long id = submit(asCarol, "sleep 1");
    awaitPhase(asCarol, id, "SUCCEEDED");
    Awaitility.await().atMost(PATIENCE).until(() -> entries(asCarol, "?state=unread").size() == 2);
    JsonNode first = asCarol.get("api/v1/notifications").body().path("items").get(0);
    long notification = first.path("id").asLong();
    assertThat(first.path("read").asBoolean()).isFalse();

    assertThat(asBob.put("api/v1/notifications/" + notification, Map.of("read", true)).status())
        .isEqualTo(404);
    Reply read = asCarol.put("api/v1/notifications/" + notification, Map.of("read", true));
    assertThat(read.status()).as(read.raw()).isEqualTo(200);
    assertThat(read.body().path("read").asBoolean()).isTrue();
    assertThat(read.body().path("readAt").asText()).isNotEmpty();
    assertThat(entries(asCarol, "?state=read")).hasSize(1);
    assertThat(asCarol.get("api/v1/notifications").body().path("unread").asInt()).isEqualTo(1);
    assertThat(asCarol.post("api/v1/notifications/read", Map.of("all", false)).status())
        .isEqualTo(400);
    Reply all = asCarol.post("api/v1/notifications/read", Map.of("all", true));
    assertThat(all.body().path("marked").asInt()).isEqualTo(1);
    assertThat(entries(asCarol, "?state=unread")).isEmpty();
    assertThat(entries(asCarol, "?state=read")).hasSize(2);
    Reply unread = asCarol.put("api/v1/notifications/" + notification, Map.of("read", false));
    assertThat(unread.body().path("read").asBoolean()).isFalse();
    assertThat(entries(asCarol, "?state=unread")).hasSize(1);
  }

  @Test
  void aWebhookThatAlwaysFailsIsRetriedThenShownToAdminsAsFailed() {
    String dave = signUp("dave");
    Api asDave = logIn(dave);
    Reply made =
        asDave.post("api/v1/notifications/webhooks", Map.of("url", receiver.url("/broken")));
    assertThat(made.status()).isEqualTo(201);
    asDave.put("api/v1/notifications/preferences", Map.of("STARTED", Map.of("WEBHOOK", true)));
    long id = submit(asDave, "sleep 1");
    awaitPhase(asDave, id, "SUCCEEDED");

    Api admin = logIn("admin");
    Awaitility.await("dave's call failed for good")
        .atMost(PATIENCE)
        .until(
            () ->
                admin
                    .get("api/v1/admin/notifications/deliveries?status=failed")
                    .body()
                    .path("items")
                    .findValuesAsText("username")
                    .contains(dave));
    JsonNode failed =
        admin.get("api/v1/admin/notifications/deliveries?status=FAILED").body().path("items");
    for (JsonNode delivery : failed) {
      if (delivery.path("username").asText().equals(dave)) {
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("lastError").asText()).contains("HTTP 500");
        assertThat(delivery.path("target").asText()).endsWith("/broken");
        assertThat(delivery.path("channel").asText()).isEqualTo("WEBHOOK");
      }
    }
    assertThat(asDave.get("api/v1/admin/notifications/deliveries").status()).isEqualTo(403);
  }

  @Test
  void badInputIsAClearClientError() {
    Api asEve = logIn(signUp("eve"));
    for (String url : List.of("ftp://hooks.example/x", "file:///etc/passwd", "not a url", "")) {
      Reply refused = asEve.post("api/v1/notifications/webhooks", Map.of("url", url));
      assertThat(refused.status()).as(url).isEqualTo(400);
      assertThat(refused.raw()).doesNotContain("Exception", "at org.");
    }
    assertThat(
            asEve
                .put("api/v1/notifications/preferences", Map.of("EXPLODED", Map.of("EMAIL", true)))
                .status())
        .isEqualTo(400);
    assertThat(
            asEve
                .put("api/v1/notifications/preferences", Map.of("FAILED", Map.of("SMS", true)))
                .status())
        .isEqualTo(400);
    assertThat(asEve.get("api/v1/notifications?state=maybe").status()).isEqualTo(400);
    assertThat(asEve.get("api/v1/notifications?size=0").status()).isEqualTo(400);
    Reply farPage = asEve.get("api/v1/notifications?page=1000000&size=500");
    assertThat(farPage.status()).as(farPage.raw()).isEqualTo(200);
    assertThat(farPage.body().path("items").size()).isZero();
    assertThat(asEve.delete("api/v1/notifications/webhooks/999999").status()).isEqualTo(404);
    assertThat(asEve.get("api/v1/notifications/webhooks").body().size()).isZero();
  }

  @Test
  void outOfOrderEventIdsAndARestartNeitherLoseNorRepeatANotification() throws Exception {
    String frank = signUp("frank");
    Api asFrank = logIn(frank);
    long before = submit(asFrank, "sleep 1");
    awaitPhase(asFrank, before, "SUCCEEDED");
    Awaitility.await().atMost(PATIENCE).until(() -> entries(asFrank, "").size() == 2);
    long id = submit(asFrank, "sleep 8");
    awaitPhase(asFrank, id, "RUNNING");
    Awaitility.await().atMost(PATIENCE).until(() -> entries(asFrank, "").size() == 3);
    // A policy's warning whose id is below every id handled so far (ids are not in commit order).
    NotifiedJobs.recordEvent(id, 1, "IdleWarning");
    Awaitility.await().atMost(PATIENCE).until(() -> entries(asFrank, "").contains("WARNED " + id));
    Awaitility.await().atMost(PATIENCE).until(() -> smtp.to(frank + "@lab.example").size() == 1);

    backend.close();
    Thread.sleep(9_000); // the job ends meanwhile
    backend = CraterProcess.start("notify-restarted", env);
    Api again = logIn(frank);
    awaitPhase(again, id, "SUCCEEDED");
    Awaitility.await("the finish seen after the restart")
        .atMost(PATIENCE)
        .until(() -> entries(again, "").contains("FINISHED " + id));
    Thread.sleep(2_000);
    assertThat(entries(again, ""))
        .containsExactlyInAnyOrder(
            "STARTED " + before,
            "FINISHED " + before,
            "STARTED " + id,
            "WARNED " + id,
            "FINISHED " + id);
    assertThat(smtp.to(frank + "@lab.example")).hasSize(1); // by default: the warning only
  }

  private void assertEmails(String owner, long finished, long failed) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage mail : smtp.to(owner + "@lab.example")) {
      subjects.add(mail.getSubject());
      assertThat(GreenMailUtil.getBody(mail)).contains("Job: ");
    }
    assertThat(subjects)
        .containsExactlyInAnyOrder(
            "[Crater] Job " + finished + " (notified) finished",
            "[Crater] Job " + failed + " (notified) failed");
  }

  private void assertWebhookCalls(String owner, long finished, long failed) throws Exception {
    List<JsonNode> calls = receiver.acceptedBodies(owner);
    assertThat(calls)
        .extracting(c -> c.path("type").asText() + " " + c.path("job").path("id").asLong())
        .containsExactlyInAnyOrder("FINISHED " + finished, "FAILED " + failed);
    assertThat(calls).allSatisfy(c -> assertThat(c.path("user").asText()).isEqualTo(owner));
    assertThat(receiver.tries().values().stream().mapToInt(n -> n.get()).sum())
        .as("two failed tries, then one accepted call per delivery")
        .isEqualTo(4);
    assertThat(receiver.refusedUnsigned()).isZero();
  }

  private void assertDeliveryTries(String owner, String other) {
    JsonNode sent = logIn("admin").get("api/v1/admin/notifications/deliveries?status=SENT").body();
    assertThat(sent.path("items").findValuesAsText("username"))
        .contains(owner)
        .doesNotContain(other);
    Map<String, Integer> tries = triesByChannel(sent, owner);
    assertThat(tries.get("EMAIL")).as("each e-mail went at the first try").isEqualTo(2);
    assertThat(tries.get("WEBHOOK")).as("the receiver's two failures were retried").isEqualTo(4);
  }

  private String signUp(String prefix) {
    return NotifiedJobs.signUp(backend.base(), prefix);
  }

  private Api logIn(String username) {
    return NotifiedJobs.logIn(backend.base(), username);
  }

  private void hook(Api api, String name) {
    Reply made =
        api.post("api/v1/notifications/webhooks", Map.of("url", receiver.url("/hook/" + name)));
    assertThat(made.status()).as(made.raw()).isEqualTo(201);
    assertThat(made.body().path("secret").asText()).hasSize(64);
    receiver.expectSecret(name, made.body().path("secret").asText());
    assertThat(api.get("api/v1/notifications/webhooks").body().get(0).has("secret")).isFalse();
  }
}
