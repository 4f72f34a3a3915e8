package org.crater.ejb.quota;

import org.crater.model.account.AccountRole;
import org.crater.model.quota.ResourceVector;

/**
 * A member's quota in one account, next to the account's, with what work holds now: guaranteed work
 * counts against the quotas, best-effort work runs beyond them and is reported beside.
 *
 * @param account the account name
 * @param role the member's role there
 * @param limit the member's own quota
 * @param used what the member's guaranteed jobs hold now
 * @param bestEffortUsed what the member's best-effort jobs hold now
 * @param accountLimit the account's quota
 * @param accountUsed what all members' guaranteed jobs hold now
 * @param accountBestEffortUsed what all members' best-effort jobs hold now
 */
public record MemberQuota(
    String account,
    AccountRole role,
    ResourceVector limit,
    ResourceVector used,
    ResourceVector bestEffortUsed,
    ResourceVector accountLimit,
    ResourceVector accountUsed,
    ResourceVector accountBestEffortUsed) {}
