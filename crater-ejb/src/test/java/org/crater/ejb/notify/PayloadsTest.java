package org.crater.ejb.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.crater.model.job.JobPhase;
import org.crater.model.notify.NotificationType;
import org.junit.jupiter.api.Test;

class PayloadsTest {

  private final JobMove move =
      new JobMove(
          1234,
          Instant.parse("2026-12-05T10:00:00Z"),
          42,
          "train \"big\"",
          3,
          "alice",
          null,
          JobPhase.RUNNING,
          JobPhase.SUCCEEDED,
          "Completed",
          null);

  @Test
  void theJsonCarriesTheEventTheJobAndTheOwner() {
    JsonObject body =
        Json.createReader(new StringReader(Payloads.json(move, NotificationType.FINISHED)))
            .readObject();
    assertThat(body.getJsonNumber("event").longValue()).isEqualTo(1234);
    assertThat(body.getString("type")).isEqualTo("FINISHED");
    assertThat(body.getString("user")).isEqualTo("alice");
    assertThat(body.getString("at")).isEqualTo("2026-12-05T10:00:00Z");
    assertThat(body.getJsonObject("job").getString("name")).isEqualTo("train \"big\"");
    assertThat(body.getJsonObject("job").getString("phase")).isEqualTo("SUCCEEDED");
    assertThat(body.containsKey("message")).isFalse();
  }

  @Test
  void titleAndTextSayWhatHappened() {
    assertThat(Payloads.title(move, NotificationType.FINISHED))
        .isEqualTo("Job 42 (train \"big\") finished");
    assertThat(Payloads.text(move)).isEqualTo("Completed");
    Payloads.Mail mail = Payloads.mail(Payloads.json(move, NotificationType.FINISHED));
    assertThat(mail.subject()).isEqualTo("[Crater] Job 42 (train \"big\") finished");
    assertThat(mail.text()).contains("Phase: SUCCEEDED").doesNotContain("Message:");
  }
}
