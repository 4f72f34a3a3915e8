package org.crater.ejb.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Sends notification e-mails through the configured SMTP server (Jakarta Mail). */
@ApplicationScoped
public class MailSender {

  @Inject MailSettings settings;

  private volatile Session session;

  /** Sends one plain-text e-mail; bounded by {@code crater.mail.timeout} per step. */
  public void send(String to, String subject, String text) throws MessagingException {
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress(settings.from()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(text, StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    if (settings.username().isPresent()) {
      Transport.send(message, settings.username().get(), settings.password());
    } else {
      Transport.send(message);
    }
  }

  private Session session() {
    Session current = session;
    if (current == null) {
      current = Session.getInstance(settings.sessionProperties());
      session = current;
    }
    return current;
  }
}
