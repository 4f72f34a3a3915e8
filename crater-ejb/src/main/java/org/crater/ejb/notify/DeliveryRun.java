package org.crater.ejb.notify;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.crater.ejb.common.LogValues;
import org.crater.model.notify.Channel;

/**
 * Makes the e-mails and webhook calls that are due, all at once (each bounded by its timeout, so a
 * slow or dead receiver holds up no other), then records each outcome as leader: sent, or failed
 * and due again after the backoff, or failed for good once out of attempts.
 */
@ApplicationScoped
public class DeliveryRun {

  private static final Logger LOG = Logger.getLogger(DeliveryRun.class.getName());
  private static final int MOST_PER_RUN = 100;

  @EJB private Deliveries deliveries;
  @EJB private Webhooks webhooks;
  @Inject private MailSender mail;
  @Inject private NotifySettings settings;
  @Inject private Clock clock;
  @Resource private ManagedExecutorService executor;

  private WebhookSender webhookSender;

  @PostConstruct
  void start() {
    webhookSender = new WebhookSender(settings.webhookTimeout());
  }

  /** Sends what is due now; a write made as leader under {@code epoch}. */
  public void sendDue(long epoch) {
    Map<Delivery, CompletableFuture<Void>> tries = new LinkedHashMap<>();
    for (Delivery delivery : deliveries.due(clock.instant(), MOST_PER_RUN)) {
      tries.put(delivery, attempt(delivery));
    }
    Backoff backoff = settings.backoff();
    Duration bound = settings.webhookTimeout().multipliedBy(3).plusSeconds(30);
    tries.forEach(
        (delivery, attempt) -> {
          String error = outcome(attempt, bound);
          int attempts = delivery.attempts() + 1;
          Instant now = clock.instant();
          Instant next = error == null ? null : backoff.after(attempts).map(now::plus).orElse(null);
          deliveries.recordOutcome(delivery.id(), attempts, error, next, now, epoch);
          if (error != null) {
            LOG.info(
                () ->
                    "delivery failed id="
                        + delivery.id()
                        + " channel="
                        + delivery.channel()
                        + " attempt="
                        + attempts
                        + (next == null ? " giving up" : " retry=" + next)
                        + " error="
                        + LogValues.of(error));
          }
        });
  }

  private CompletableFuture<Void> attempt(Delivery delivery) {
    if (delivery.channel() == Channel.EMAIL) {
      Payloads.Mail text = Payloads.mail(delivery.payload());
      return CompletableFuture.runAsync(
          () -> {
            try {
              mail.send(delivery.address(), text.subject(), text.text());
            } catch (jakarta.mail.MessagingException e) {
              throw new CompletionException(e);
            }
          },
          executor);
    }
    Optional<WebhookTarget> hook = webhooks.target(delivery.webhookId());
    if (hook.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalStateException("the webhook was removed"));
    }
    return webhookSender.send(hook.get(), delivery.id(), delivery.payload());
  }

  /** Null when the try succeeded, else why it failed (no secrets, no stack). */
  private static String outcome(CompletableFuture<Void> attempt, Duration bound) {
    try {
      attempt.get(bound.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (TimeoutException e) {
      attempt.cancel(true);
      return "timed out";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
      String message = cause == null ? null : cause.getMessage();
      String kind = cause == null ? "error" : cause.getClass().getSimpleName();
      return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
  }
}
