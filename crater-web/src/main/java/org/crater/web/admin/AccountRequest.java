package org.crater.web.admin;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.crater.model.common.Names;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new account.
 *
 * @param name a DNS-1123 label, permanent
 * @param displayName the name to show
 * @param quota the account's quota as Kubernetes quantities; empty admits no guaranteed work
 * @param expiresAt when it stops admitting work, if ever
 * @param monthlyGpuHours GPU-hours its guaranteed work may use per calendar month (UTC); absent: no
 *     budget. Once used up, its guaranteed jobs wait ({@code BudgetExhausted})
 */
@Schema(name = "AccountRequest")
public record AccountRequest(
    @NotNull
        @Pattern(regexp = Names.DNS_1123_LABEL, message = "must be a DNS-1123 label (a-z, 0-9, -)")
        @Schema(example = "vision-lab")
        String name,
    @NotBlank @Size(max = 128) @Schema(example = "Vision Lab") String displayName,
    @Size(max = 32)
        @Schema(example = "{\"cpu\": \"64\", \"memory\": \"256Gi\", \"nvidia.com/gpu\": \"8\"}")
        Map<String, String> quota,
    Instant expiresAt,
    @DecimalMin("0") @Digits(integer = 9, fraction = 3) @Schema(example = "2000")
        BigDecimal monthlyGpuHours) {}
