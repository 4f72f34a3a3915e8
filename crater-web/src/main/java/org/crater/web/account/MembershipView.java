package org.crater.web.account;

import java.util.Map;
import org.crater.model.account.AccountRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One of the caller's accounts, with their role and quota there.
 *
 * @param account the account
 * @param role the caller's role in it
 * @param quota the caller's own quota in it, as Kubernetes quantities
 */
@Schema(name = "Membership")
public record MembershipView(
    AccountView account,
    AccountRole role,
    @Schema(example = "{\"cpu\": \"16\", \"memory\": \"64Gi\", \"nvidia.com/gpu\": \"2\"}")
        Map<String, String> quota) {}
