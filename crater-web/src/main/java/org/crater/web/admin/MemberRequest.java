package org.crater.web.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.crater.model.account.AccountRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A member's role and quota in an account.
 *
 * @param role MANAGER or MEMBER
 * @param quota their quota as Kubernetes quantities
 */
@Schema(name = "MemberRequest")
public record MemberRequest(
    @NotNull AccountRole role,
    @Size(max = 32)
        @Schema(example = "{\"cpu\": \"16\", \"memory\": \"64Gi\", \"nvidia.com/gpu\": \"2\"}")
        Map<String, String> quota) {}
