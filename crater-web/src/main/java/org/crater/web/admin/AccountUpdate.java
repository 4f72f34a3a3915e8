package org.crater.web.admin;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The new state of an account; its name never changes.
 *
 * @param displayName the name to show
 * @param quota the account's quota as Kubernetes quantities
 * @param expiresAt when it stops admitting work, if ever
 * @param monthlyGpuHours GPU-hours its guaranteed work may use per calendar month (UTC); absent: no
 *     budget. Once used up, its guaranteed jobs wait ({@code BudgetExhausted})
 */
@Schema(name = "AccountUpdate")
public record AccountUpdate(
    @NotBlank @Size(max = 128) String displayName,
    @Size(max = 32) Map<String, String> quota,
    Instant expiresAt,
    @DecimalMin("0") @Digits(integer = 9, fraction = 3) @Schema(example = "2000")
        BigDecimal monthlyGpuHours) {}
