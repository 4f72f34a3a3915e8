package org.crater.ejb.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

  @Test
  void noHostMeansOffAndSaysSo() {
    MailSettings settings = settings(Optional.empty(), "starttls");
    assertThat(settings.configured()).isFalse();
    assertThat(settings.describe()).contains("off", "CRATER_MAIL_HOST");
    assertThat(settings(Optional.of(" "), "starttls").configured()).isFalse();
  }

  @Test
  void startTlsIsRequiredAndTlsUsesSmtps() {
    var starttls = settings(Optional.of("smtp.lab.example"), "STARTTLS").sessionProperties();
    assertThat(starttls)
        .containsEntry("mail.transport.protocol", "smtp")
        .containsEntry("mail.smtp.host", "smtp.lab.example")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.timeout", "10000");
    var tls = settings(Optional.of("smtp.lab.example"), "tls").sessionProperties();
    assertThat(tls)
        .containsEntry("mail.transport.protocol", "smtps")
        .containsEntry("mail.smtps.host", "smtp.lab.example")
        .containsEntry("mail.smtps.ssl.checkserveridentity", "true");
    assertThat(settings(Optional.of("h"), "none").sessionProperties())
        .doesNotContainKey("mail.smtp.starttls.enable");
  }

  @Test
  void anUnknownTlsModeIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> settings(Optional.of("h"), "maybe").sessionProperties())
        .hasMessageContaining("crater.mail.tls");
  }

  private static MailSettings settings(Optional<String> host, String tls) {
    MailSettings settings = new MailSettings();
    settings.host = host;
    settings.port = 587;
    settings.from = "crater@lab.example";
    settings.username = Optional.empty();
    settings.password = Optional.empty();
    settings.tls = tls;
    settings.timeout = Duration.ofSeconds(10);
    return settings;
  }
}
