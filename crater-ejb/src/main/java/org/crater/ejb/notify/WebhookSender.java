package org.crater.ejb.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Calls webhooks: POST of the notification's JSON, signed ({@link WebhookSignature}), bounded by
 * the timeout from connecting to the answer. A 2xx answer is success; anything else fails the try.
 * Asynchronous, so one slow receiver never holds up the others.
 */
final class WebhookSender {

  /** The header naming the delivery, the same on every retry of it. */
  static final String DELIVERY_HEADER = "X-Crater-Delivery";

  private final HttpClient client;
  private final Duration timeout;

  WebhookSender(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Calls the webhook; completes normally on a 2xx answer, exceptionally otherwise. */
  CompletableFuture<Void> send(WebhookTarget hook, long deliveryId, String payload) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(hook.url()))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Crater-Webhook")
            .header(WebhookSignature.HEADER, WebhookSignature.of(hook.secret(), body))
            .header(DELIVERY_HEADER, String.valueOf(deliveryId))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .orTimeout(timeout.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS)
        .thenAccept(
            response -> {
              if (response.statusCode() / 100 != 2) {
                throw new java.util.concurrent.CompletionException(
                    new IOException("the webhook answered HTTP " + response.statusCode()));
              }
            });
  }
}
