package org.crater.ejb.scheduler;

import java.time.Instant;
import org.crater.model.quota.ResourceVector;

/**
 * An account's quota and expiry.
 *
 * @param accountId the account
 * @param name its name
 * @param quota its quota
 * @param expiresAt when it expires, null for never
 */
public record AccountLimit(long accountId, String name, ResourceVector quota, Instant expiresAt) {}
