package org.crater.ejb.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP server e-mails go through ({@code crater.mail.*}). No host: e-mail is off, and the other
 * channels work as before.
 */
@ApplicationScoped
public class MailSettings {

  @Inject
  @ConfigProperty(name = "crater.mail.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "crater.mail.port", defaultValue = "587")
  int port;

  @Inject
  @ConfigProperty(name = "crater.mail.from", defaultValue = "crater@localhost")
  String from;

  @Inject
  @ConfigProperty(name = "crater.mail.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "crater.mail.password")
  Optional<String> password;

  /** {@code none}, {@code starttls} (required) or {@code tls} (SMTPS from the first byte). */
  @Inject
  @ConfigProperty(name = "crater.mail.tls", defaultValue = "starttls")
  String tls;

  @Inject
  @ConfigProperty(name = "crater.mail.timeout", defaultValue = "PT10S")
  Duration timeout;

  /** Whether e-mail is on: an SMTP host is set. */
  public boolean configured() {
    return host.filter(h -> !h.isBlank()).isPresent();
  }

  /** One line for the log at start: where e-mail goes, or that it is off. */
  public String describe() {
    return configured()
        ? "e-mail notifications on host=" + host.get() + " port=" + port + " tls=" + tlsMode()
        : "e-mail notifications off: crater.mail.host (CRATER_MAIL_HOST) is not set";
  }

  /** The sender address. */
  public String from() {
    return from;
  }

  /** The user name to log in with, if the server wants one. */
  public Optional<String> username() {
    return username.filter(u -> !u.isBlank());
  }

  /** Its password. */
  public String password() {
    return password.orElse("");
  }

  /** The Jakarta Mail session properties for this server. */
  public Properties sessionProperties() {
    String protocol = tlsMode().equals("tls") ? "smtps" : "smtp";
    String prefix = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put("mail.transport.protocol", protocol);
    props.put(prefix + "host", host.orElseThrow());
    props.put(prefix + "port", String.valueOf(port));
    props.put(prefix + "from", from);
    props.put(prefix + "auth", String.valueOf(username().isPresent()));
    props.put(prefix + "connectiontimeout", String.valueOf(timeout.toMillis()));
    props.put(prefix + "timeout", String.valueOf(timeout.toMillis()));
    props.put(prefix + "writetimeout", String.valueOf(timeout.toMillis()));
    if (tlsMode().equals("starttls")) {
      props.put(prefix + "starttls.enable", "true");
      props.put(prefix + "starttls.required", "true");
    }
    if (!tlsMode().equals("none")) {
      props.put(prefix + "ssl.checkserveridentity", "true");
    }
    return props;
  }

  private String tlsMode() {
    String mode = tls.strip().toLowerCase(Locale.ROOT);
    if (!mode.equals("none") && !mode.equals("starttls") && !mode.equals("tls")) {
      throw new IllegalArgumentException("crater.mail.tls must be none, starttls or tls");
    }
    return mode;
  }
}
