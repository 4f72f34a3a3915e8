package org.crater.ejb.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crater.model.job.JobPhase;
import org.crater.model.notify.NotificationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mails go through a real SMTP server (GreenMail, in this test) as configured. */
class MailSenderTest {

  private static final ServerSetup SMTP = new ServerSetup(0, "127.0.0.1", "smtp");

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("crater", "mail-pass"));

  @Test
  void sendsTheNotificationAsPlainTextWithLogin() throws Exception {
    MailSender sender = sender(Optional.of("crater"), "mail-pass");
    JobMove move =
        new JobMove(
            7,
            Instant.parse("2026-12-05T10:00:00Z"),
            42,
            "train",
            3,
            "alice",
            "alice@lab.example",
            JobPhase.RUNNING,
            JobPhase.FAILED,
            "Error",
            "exit code 3");
    Payloads.Mail mail = Payloads.mail(Payloads.json(move, NotificationType.FAILED));

    sender.send("alice@lab.example", mail.subject(), mail.text());

    assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = MAIL.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("[Crater] Job 42 (train) failed");
    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("alice@lab.example");
    assertThat(received.getFrom()[0].toString()).isEqualTo("crater@lab.example");
    assertThat(GreenMailUtil.getBody(received))
        .contains("Phase: FAILED", "Reason: Error", "Message: exit code 3");
  }

  @Test
  void aWrongPasswordFailsTheSend() {
    MailSender sender = sender(Optional.of("crater"), "wrong");
    assertThatThrownBy(() -> sender.send("bob@lab.example", "s", "t"))
        .isInstanceOf(MessagingException.class);
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void noServerListeningFailsWithinTheTimeout() {
    MailSender sender = sender(Optional.empty(), "");
    sender.settings.port = 1; // nothing listens there
    Instant start = Instant.now();
    assertThatThrownBy(() -> sender.send("bob@lab.example", "s", "t"))
        .isInstanceOf(MessagingException.class);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
  }

  private static MailSender sender(Optional<String> username, String password) {
    MailSettings settings = new MailSettings();
    settings.host = Optional.of("127.0.0.1");
    settings.port = MAIL.getSmtp().getPort();
    settings.from = "crater@lab.example";
    settings.username = username;
    settings.password = Optional.of(password);
    settings.tls = "none";
    settings.timeout = Duration.ofSeconds(2);
    MailSender sender = new MailSender();
    sender.settings = settings;
    return sender;
  }
}
