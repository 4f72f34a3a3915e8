package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.crater.web.job.JourneysIT.awaitPhase;
import static org.crater.web.job.JourneysIT.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Accounting over HTTP on the built war, MariaDB and the simulated cluster: jobs run to their end
 * (succeeded, failed, preempted then cancelled, cancelled before starting), and the usage reports
 * of their owners and of an administrator add up to what their timelines show, each attempt from
 * its start to the move that ended it.
 */
@ExtendWith(ArquillianExtension.class)
class UsageIT {

  private static final String PASSWORD = "correct horse 3";
  private static final Set<String> ENDS = Set.of("PREEMPTED", "SUCCEEDED", "FAILED", "CANCELLED");
  private static final double MS_PER_HOUR = 3_600_000d;

  @ArquillianResource private URL base;

  private Api admin;
  private Lab lab;
  private Api alice;
  private Api bob;
  private String range;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  @BeforeEach
  void lab() {
    admin = Api.at(base).asAdmin();
    lab = Lab.create(admin);
    alice = Api.at(base).signUpAndLogIn("alice", PASSWORD);
    bob = Api.at(base).signUpAndLogIn("bob", PASSWORD);
    lab.join(alice, 4);
    lab.join(bob, 1);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
  }

  @Test
  void ownersAndAdministratorsSeeEveryEndedAttemptFromItsStartToItsEnd() throws Exception {
    long succeeded = submit(alice, lab.job("GUARANTEED", "A100", 2, "sleep 3"));
    long preempted = submit(alice, lab.job("BEST_EFFORT", "V100", 1, "sleep 120"));
    awaitPhase(alice, preempted, "RUNNING");
    Thread.sleep(3000);
    assertThat(simDelete("api/v1/namespaces/crater-jobs/pods/crater-" + preempted + "-1"))
        .isEqualTo(200);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> alice.get("api/v1/jobs/" + preempted).body().path("attempt").asInt() == 2);
    awaitPhase(alice, preempted, "RUNNING");
    Thread.sleep(3000);
    assertThat(alice.delete("api/v1/jobs/" + preempted).status()).isEqualTo(200);
    long failed = submit(bob, lab.job("GUARANTEED", "A100", 1, "sleep 4; exit 3"));
    awaitPhase(bob, failed, "RUNNING");
    long neverStarted = submit(bob, lab.job("GUARANTEED", "A100", 1, "sleep 1"));
    assertThat(bob.delete("api/v1/jobs/" + neverStarted).body().path("phase").asText())
        .isEqualTo("CANCELLED");
    awaitPhase(alice, succeeded, "SUCCEEDED");
    awaitPhase(bob, failed, "FAILED");

    Ran aliceA100 = ran(alice, succeeded).times(2);
    Ran aliceV100 = ran(alice, preempted);
    Ran bobA100 = ran(bob, failed);
    assertThat(aliceV100.attempts()).as("the preempted attempt and the cancelled one").isEqualTo(2);

    JsonNode mine = usage(alice, "groupBy=gpuModel&account=" + lab.name());
    assertThat(mine.path("zone").asText()).isEqualTo("UTC");
    assertThat(mine.path("rows").findValuesAsText("gpuModel")).containsExactly("A100", "V100");
    aliceA100.check(mine.path("rows").get(0).path("gpuHours"));
    aliceA100.check(mine.path("rows").get(0).path("cpuHours")); // 2 cores with the 2 GPUs
    aliceV100.check(mine.path("rows").get(1).path("gpuHours"));
    aliceV100.times(8).check(mine.path("rows").get(1).path("memoryGiBHours"));
    assertThat(mine.path("rows").get(0).has("user")).as("not grouped by user").isFalse();

    JsonNode bobs = usage(bob, "groupBy=user");
    assertThat(bobs.path("rows").findValuesAsText("user")).containsExactly(username(bob));
    bobA100.check(bobs.path("rows").get(0).path("gpuHours")); // the cancelled job never started

    JsonNode everyone = usage(admin, "groupBy=user&account=" + lab.name(), true);
    Map<String, JsonNode> byUser = new HashMap<>();
    everyone.path("rows").forEach(r -> byUser.put(r.path("user").asText(), r.path("gpuHours")));
    assertThat(byUser).containsOnlyKeys(username(alice), username(bob));
    aliceA100.plus(aliceV100).check(byUser.get(username(alice)));
    JsonNode onlyBob =
        usage(admin, "groupBy=account,gpuModel&user=" + username(bob) + "&gpuModel=A100", true);
    assertThat(onlyBob.path("rows")).hasSize(1);
    assertThat(onlyBob.path("rows").get(0).path("account").asText()).isEqualTo(lab.name());
  }

  @Test
  void aUserSeesOnlyTheirOwnUsageAndNeverEveryones() {
    long id = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 1"));
    awaitPhase(alice, id, "SUCCEEDED");

    assertThat(usage(bob, "groupBy=user,account").path("rows")).isEmpty();
    assertThat(bob.get("api/v1/admin/usage?" + range).status()).isEqualTo(403);
    assertThat(bob.get("api/v1/admin/usage?" + range + "&format=csv").status()).isEqualTo(403);
    assertThat(usage(alice, "groupBy=user").path("rows").findValuesAsText("user"))
        .containsExactly(username(alice));
  }

  @Test
  void reportsExportAsCsvByAcceptOrByFormat() {
    long id = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 1"));
    awaitPhase(alice, id, "SUCCEEDED");
    String query = "api/v1/usage?" + range + "&groupBy=account,gpuModel";

    Reply accepted = alice.with("Accept", "text/csv").get(query);
    Reply asked = alice.get(query + "&format=csv");
    Reply json = alice.with("Accept", "text/csv").get(query + "&format=json");

    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
    assertThat(accepted.header("Content-Type")).startsWith("text/csv");
    assertThat(accepted.header("Content-Disposition")).contains("attachment", ".csv");
    List<String> lines = accepted.raw().lines().toList();
    assertThat(lines.get(0)).isEqualTo("account,gpuModel,gpuHours,cpuHours,memoryGiBHours");
    assertThat(lines.get(1)).startsWith(lab.name() + ",A100,0.");
    assertThat(lines).hasSize(2);
    assertThat(accepted.raw()).contains("\r\n");
    assertThat(asked.raw()).isEqualTo(accepted.raw());
    assertThat(json.header("Content-Type")).startsWith("application/json");
    assertThat(json.body().path("rows")).hasSize(1);
  }

  @Test
  void badRangesGroupingsAndFormatsAreBadRequests() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, String> bad =
        Map.of(
            "from=2026-13-01",
            "invalid-query",
            "to=yesterday",
            "invalid-query",
            "from=" + today + "&to=" + today.minusDays(1),
            "invalid-range",
            "from=" + today.minusDays(366) + "&to=" + today,
            "invalid-range",
            "groupBy=week",
            "invalid-query",
            "groupBy=day,",
            "invalid-query",
            "format=xml",
            "invalid-query");

    bad.forEach(
        (query, code) -> {
          Reply reply = alice.get("api/v1/usage?" + query);
          Reply asAdmin = admin.get("api/v1/admin/usage?" + query);
          assertThat(reply.status()).as(query + ": " + reply.raw()).isEqualTo(400);
          assertThat(reply.code()).as(query).isEqualTo(code);
          assertThat(asAdmin.status()).as(query).isEqualTo(400);
        });
    JsonNode thisMonth = alice.get("api/v1/usage").body();
    assertThat(thisMonth.path("from").asText()).isEqualTo(today.withDayOfMonth(1).toString());
    assertThat(thisMonth.path("to").asText()).isEqualTo(today.toString());
    assertThat(thisMonth.path("groupBy").get(0).asText()).isEqualTo("day");
  }

  @Test
  void anAccountThatUsedItsMonthlyBudgetRunsOnlyBestEffortWorkUntilTheBudgetIsRaised() {
    long spending = submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 5"));
    awaitPhase(alice, spending, "SUCCEEDED");

    Reply negative = admin.put("api/v1/admin/accounts/" + lab.name(), settings(-1));
    Reply budget = admin.put("api/v1/admin/accounts/" + lab.name(), settings(0.001));
    long guaranteed = submit(alice, lab.job("GUARANTEED", "A100", 1, "sleep 1"));
    long bestEffort = submit(alice, lab.job("BEST_EFFORT", "A100", 1, "sleep 1"));

    assertThat(negative.status()).as(negative.raw()).isEqualTo(400);
    assertThat(budget.status()).as(budget.raw()).isEqualTo(200);
    assertThat(budget.body().path("monthlyGpuHours").decimalValue()).isEqualByComparingTo("0.001");
    awaitPhase(alice, bestEffort, "SUCCEEDED");
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                alice
                    .get("api/v1/jobs/" + guaranteed)
                    .body()
                    .path("waiting")
                    .path("reason")
                    .asText()
                    .equals("BudgetExhausted"));
    JsonNode waiting = alice.get("api/v1/jobs/" + guaranteed).body().path("waiting");
    assertThat(waiting.path("details").path("account").asText()).isEqualTo(lab.name());
    assertThat(waiting.path("details").path("used").asDouble()).isGreaterThanOrEqualTo(0.001);

    Reply raised = admin.put("api/v1/admin/accounts/" + lab.name(), settings(1000));
    assertThat(raised.status()).as(raised.raw()).isEqualTo(200);
    awaitPhase(alice, guaranteed, "SUCCEEDED");
  }

  private static Map<String, Object> settings(double monthlyGpuHours) {
    return Map.of(
        "displayName",
        "Lab",
        "quota",
        Map.of("cpu", "256", "memory", "1Ti", "nvidia.com/gpu", "32"),
        "monthlyGpuHours",
        monthlyGpuHours);
  }

  private JsonNode usage(Api api, String query) {
    return usage(api, query, false);
  }

  private JsonNode usage(Api api, String query, boolean everyone) {
    String path = everyone ? "api/v1/admin/usage?" : "api/v1/usage?";
    Reply reply = api.get(path + range + "&" + query);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.body();
  }

  /**
   * Hours an amount was used, as the job's timeline shows them: from each move to RUNNING to the
   * move that ended the attempt. The timeline may show whole seconds, so each attempt may differ
   * from what was counted by up to a second.
   *
   * @param hours amount-hours by the timeline
   * @param slack the largest difference from what was counted, in amount-hours
   * @param attempts attempts that ran
   */
  private record Ran(double hours, double slack, int attempts) {

    Ran times(int amount) {
      return new Ran(hours * amount, slack * amount, attempts);
    }

    Ran plus(Ran other) {
      return new Ran(hours + other.hours, slack + other.slack, attempts + other.attempts);
    }

    void check(JsonNode reported) {
      assertThat(reported.isNumber()).as("%s", reported).isTrue();
      assertThat(reported.asDouble()).isPositive().isCloseTo(hours, within(slack + 1e-5));
    }
  }

  private static Ran ran(Api api, long id) {
    Instant started = null;
    long ms = 0;
    int attempts = 0;
    Reply events = api.get("api/v1/jobs/" + id + "/events");
    for (JsonNode event : events.body()) {
      String to = event.path("to").asText();
      Instant at = Instant.parse(event.path("at").asText());
      if (to.equals("RUNNING")) {
        started = at;
      } else if (started != null && ENDS.contains(to)) {
        ms += Duration.between(started, at).toMillis();
        attempts++;
        started = null;
      }
    }
    assertThat(attempts).as("job %d ran: %s", id, events.raw()).isPositive();
    return new Ran(ms / MS_PER_HOUR, attempts * 1000 / MS_PER_HOUR, attempts);
  }

  private static String username(Api api) {
    return api.get("api/v1/auth/me").body().path("user").path("username").asText();
  }

  private static int simDelete(String path) {
    URI uri =
        URI.create("http://127.0.0.1:" + System.getProperty("crater.it.sim.port") + "/" + path);
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(uri).DELETE().build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
