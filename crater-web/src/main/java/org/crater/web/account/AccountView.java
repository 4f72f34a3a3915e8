package org.crater.web.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An account (project).
 *
 * @param name the unique, permanent name
 * @param displayName the name to show
 * @param quota the account's quota as Kubernetes quantities
 * @param expiresAt when it stops admitting work, if ever
 * @param monthlyGpuHours its monthly GPU-hour budget for guaranteed work, if any
 * @param createdAt when it was created
 */
@Schema(name = "Account")
public record AccountView(
    @Schema(example = "vision-lab") String name,
    @Schema(example = "Vision Lab") String displayName,
    @Schema(example = "{\"cpu\": \"64\", \"memory\": \"256Gi\", \"nvidia.com/gpu\": \"8\"}")
        Map<String, String> quota,
    Instant expiresAt,
    BigDecimal monthlyGpuHours,
    Instant createdAt) {}
