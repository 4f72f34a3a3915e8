package org.crater.web.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The new state of an account; its name never changes.
 *
 * @param displayName the name to show
 * @param quota the account's quota as Kubernetes quantities
 * @param expiresAt when it stops admitting work, if ever
 */
@Schema(name = "AccountUpdate")
public record AccountUpdate(
    @NotBlank @Size(max = 128) String displayName,
    @Size(max = 32) Map<String, String> quota,
    Instant expiresAt) {}
