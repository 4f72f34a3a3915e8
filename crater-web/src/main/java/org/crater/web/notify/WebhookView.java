package org.crater.web.notify;

import java.time.Instant;
import org.crater.ejb.notify.Webhook;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One of the caller's webhooks.
 *
 * @param id its id
 * @param url where it is called
 * @param createdAt when it was made
 * @param secret the HMAC-SHA256 key of its signatures: only in the answer that made it
 */
@Schema(name = "Webhook")
public record WebhookView(
    long id,
    @Schema(example = "https://hooks.lab.example/crater") String url,
    Instant createdAt,
    String secret) {

  static WebhookView of(Webhook hook, String secret) {
    return new WebhookView(hook.id(), hook.url(), hook.createdAt(), secret);
  }

  @Override
  public String toString() {
    return "WebhookView[id=" + id + ", url=" + url + "]";
  }
}
