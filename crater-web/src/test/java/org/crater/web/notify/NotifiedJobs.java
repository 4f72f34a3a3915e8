package org.crater.web.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.web.Api;
import org.crater.web.Api.Reply;

/** Jobs that make notifications, and the caller's list, for {@link NotificationsIT}. */
final class NotifiedJobs {

  private static final String PASSWORD = "correct horse 3";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private NotifiedJobs() {}

  /** The caller's notifications as "TYPE jobId". */
  static List<String> entries(Api api, String query) {
    Reply reply = api.get("api/v1/notifications" + query);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    List<String> found = new ArrayList<>();
    for (JsonNode item : reply.body().path("items")) {
      found.add(item.path("type").asText() + " " + item.path("jobId").asLong());
    }
    return found;
  }

  /** Submits a one-GPU best-effort batch job named "notified" running {@code script}. */
  static long submit(Api api, String script) {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "notified");
    job.put("kind", "BATCH");
    job.put("taskType", "TRAINING");
    job.put("slo", "BEST_EFFORT");
    job.put("image", "busybox:1.36");
    job.put("command", List.of("sh", "-c", script));
    job.put("gpuModel", "A100");
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi", "nvidia.com/gpu", "1"));
    Reply reply = api.post("api/v1/jobs", job);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    return reply.body().path("id").asLong();
  }

  static void awaitPhase(Api api, long id, String phase) {
    Awaitility.await("job " + id + " " + phase)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.get("api/v1/jobs/" + id).body().path("phase").asText().equals(phase));
  }

  /** The tries of the owner's deliveries in an admin's list, summed per channel. */
  static Map<String, Integer> triesByChannel(JsonNode deliveries, String owner) {
    Map<String, Integer> tries = new HashMap<>(Map.of("EMAIL", 0, "WEBHOOK", 0));
    for (JsonNode delivery : deliveries.path("items")) {
      if (delivery.path("username").asText().equals(owner)) {
        tries.merge(
            delivery.path("channel").asText(), delivery.path("attempts").asInt(), Integer::sum);
      }
    }
    return tries;
  }

  /** Signs a user up, with an e-mail address at lab.example, and answers the unique name. */
  static String signUp(URL base, String prefix) {
    String username = Api.unique(prefix);
    Map<String, String> body =
        Map.of("username", username, "password", PASSWORD, "email", username + "@lab.example");
    Reply reply = Api.at(base).post("api/v1/auth/signup", body);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    return username;
  }

  static Api logIn(URL base, String username) {
    return username.equals("admin")
        ? Api.at(base).asAdmin()
        : Api.at(base).logIn(username, PASSWORD);
  }

  /**
   * Writes a move of a running job into its timeline as the policy checks do (the phase kept), with
   * the given id, straight into the database the backend under test uses.
   */
  static void recordEvent(long jobId, long eventId, String reason) throws SQLException {
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("crater.it.notify.db.url"),
                System.getenv("CRATER_DB_USER"),
                System.getenv("CRATER_DB_PASSWORD"));
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO crater_job_event (id, job_id, at, from_phase, to_phase, reason,"
                    + " message, actor) VALUES (?, ?, ?, 'RUNNING', 'RUNNING', ?, 'test', 'policy')")) {
      insert.setLong(1, eventId);
      insert.setLong(2, jobId);
      insert.setTimestamp(3, Timestamp.from(Instant.now()));
      insert.setString(4, reason);
      insert.executeUpdate();
    }
  }
}
