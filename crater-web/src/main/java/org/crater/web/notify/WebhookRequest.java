package org.crater.web.notify;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new webhook.
 *
 * @param url an http or https URL that takes a POST of the notification's JSON
 */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
    @NotNull @Size(max = 2048) @Schema(example = "https://hooks.lab.example/crater") String url) {}
