package org.crater.ejb.scheduler;

import org.crater.model.quota.ResourceVector;

/**
 * A member's quota in an account.
 *
 * @param userId the member
 * @param accountId the account
 * @param quota the member's quota there
 */
public record MemberLimit(long userId, long accountId, ResourceVector quota) {}
