package org.crater.ejb.quota;

import org.crater.model.account.AccountRole;
import org.crater.model.quota.ResourceVector;

/**
 * A member's quota in one account, next to the account's.
 *
 * @param account the account name
 * @param role the member's role there
 * @param limit the member's own quota
 * @param used what the member's quota-holding work holds now
 * @param accountLimit the account's quota
 * @param accountUsed what all members' quota-holding work holds now
 */
public record MemberQuota(
    String account,
    AccountRole role,
    ResourceVector limit,
    ResourceVector used,
    ResourceVector accountLimit,
    ResourceVector accountUsed) {}
