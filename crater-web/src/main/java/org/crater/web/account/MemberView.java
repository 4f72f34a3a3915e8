package org.crater.web.account;

import java.util.Map;
import org.crater.model.account.AccountRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A member of an account, as administrators see them.
 *
 * @param username the member
 * @param role their role in the account
 * @param quota their quota in the account, as Kubernetes quantities
 */
@Schema(name = "Member")
public record MemberView(
    @Schema(example = "alice") String username,
    AccountRole role,
    @Schema(example = "{\"nvidia.com/gpu\": \"2\"}") Map<String, String> quota) {}
