package org.crater.ejb.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the leader notifies: how often it looks for new job events and due deliveries ({@code
 * crater.notifications.poll}), how far back it looks ({@code crater.notifications.lookback}), and
 * how e-mails and webhook calls are retried and bounded.
 */
@ApplicationScoped
public class NotifySettings {

  @Inject
  @ConfigProperty(name = "crater.notifications.poll", defaultValue = "PT2S")
  Duration poll;

  @Inject
  @ConfigProperty(name = "crater.notifications.lookback", defaultValue = "P1D")
  Duration lookback;

  @Inject
  @ConfigProperty(name = "crater.notifications.retry-base", defaultValue = "PT10S")
  Duration retryBase;

  @Inject
  @ConfigProperty(name = "crater.notifications.retry-max", defaultValue = "PT1H")
  Duration retryMax;

  @Inject
  @ConfigProperty(name = "crater.notifications.attempts", defaultValue = "8")
  int attempts;

  @Inject
  @ConfigProperty(name = "crater.notifications.webhook-timeout", defaultValue = "PT5S")
  Duration webhookTimeout;

  /** Fails, naming the setting, when one of them cannot work. */
  public void check() {
    poll();
    lookback();
    backoff();
    webhookTimeout();
  }

  /** How often the leader looks for events to notify and deliveries that are due. */
  public Duration poll() {
    return positive(poll, "crater.notifications.poll");
  }

  /** Events older than this when first seen are not notified. */
  public Duration lookback() {
    return positive(lookback, "crater.notifications.lookback");
  }

  /** How failed deliveries are retried. */
  public Backoff backoff() {
    try {
      return new Backoff(retryBase, retryMax, attempts);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "crater.notifications.retry-base, retry-max and attempts: " + e.getMessage(), e);
    }
  }

  /** The longest a webhook call (connecting, sending, answering) may take. */
  public Duration webhookTimeout() {
    return positive(webhookTimeout, "crater.notifications.webhook-timeout");
  }

  private static Duration positive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }
}
