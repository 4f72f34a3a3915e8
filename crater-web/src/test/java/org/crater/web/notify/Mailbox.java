package org.crater.web.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.crater.web.CraterProcess;

/** A real SMTP server (GreenMail) on a free local port, and what it received, per recipient. */
final class Mailbox implements AutoCloseable {

  private final GreenMail smtp;

  Mailbox() throws IOException {
    smtp = new GreenMail(new ServerSetup(CraterProcess.freePort(), "127.0.0.1", "smtp"));
    smtp.start();
  }

  int port() {
    return smtp.getSmtp().getPort();
  }

  /** The messages received for {@code address}. */
  List<MimeMessage> to(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains(address))
        .toList();
  }

  private static Address[] recipients(MimeMessage message) {
    try {
      return message.getAllRecipients();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    smtp.stop();
  }
}
