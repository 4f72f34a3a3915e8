package org.crater.ejb.notify;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import org.crater.model.notify.NotificationType;

/**
 * What a notification says: its title, its text, and the JSON a webhook receives (and an e-mail is
 * written from). The JSON carries the job event's id, so a receiver can drop a repeated call.
 */
final class Payloads {

  private static final JsonProvider JSON = JsonProvider.provider();

  private Payloads() {}

  /** {@code Job 42 (train) finished}. */
  static String title(JobMove move, NotificationType type) {
    String title = "Job " + move.jobId() + " (" + move.jobName() + ") " + type.verb();
    return title.length() <= 256 ? title : title.substring(0, 256);
  }

  /** The move's reason and message, e.g. {@code Error: exit code 3}. */
  static String text(JobMove move) {
    String text =
        move.message() == null || move.message().isBlank()
            ? move.reason()
            : move.reason() + ": " + move.message();
    return text.length() <= 1024 ? text : text.substring(0, 1024);
  }

  /** The JSON document of a notification. */
  static String json(JobMove move, NotificationType type) {
    JsonObjectBuilder job =
        JSON.createObjectBuilder()
            .add("id", move.jobId())
            .add("name", move.jobName())
            .add("phase", move.to().name());
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("event", move.eventId())
            .add("type", type.name())
            .add("at", move.at().toString())
            .add("user", move.owner())
            .add("title", title(move, type))
            .add("reason", move.reason())
            .add("job", job);
    if (move.message() != null) {
      body.add("message", move.message());
    }
    return body.build().toString();
  }

  /** An e-mail's subject and text, from the JSON of {@link #json}. */
  static Mail mail(String json) {
    JsonObject body = JSON.createReader(new StringReader(json)).readObject();
    JsonObject job = body.getJsonObject("job");
    String text =
        body.getString("title")
            + "\n\nJob: "
            + job.getJsonNumber("id")
            + " ("
            + job.getString("name")
            + ")\nPhase: "
            + job.getString("phase")
            + "\nReason: "
            + body.getString("reason")
            + (body.containsKey("message") ? "\nMessage: " + body.getString("message") : "")
            + "\nAt: "
            + body.getString("at")
            + "\n\nChoose which notifications you get: GET/PUT /api/v1/notifications/preferences\n";
    return new Mail("[Crater] " + body.getString("title"), text);
  }

  /** An e-mail's subject and plain text. */
  record Mail(String subject, String text) {}
}
