package org.crater.ejb.scheduler;

import java.math.BigDecimal;
import java.time.Instant;
import org.crater.model.quota.ResourceVector;

/**
 * An account's quota, expiry and monthly GPU-hour budget.
 *
 * @param accountId the account
 * @param name its name
 * @param quota its quota
 * @param expiresAt when it expires, null for never
 * @param monthlyGpuHours its monthly GPU-hour budget, null for none
 * @param gpuHoursThisMonth the GPU-hours its ended attempts used this month
 */
public record AccountLimit(
    long accountId,
    String name,
    ResourceVector quota,
    Instant expiresAt,
    BigDecimal monthlyGpuHours,
    BigDecimal gpuHoursThisMonth) {

  /** An account without a budget. */
  public AccountLimit(long accountId, String name, ResourceVector quota, Instant expiresAt) {
    this(accountId, name, quota, expiresAt, null, BigDecimal.ZERO);
  }

  /** Whether the account has a budget and its GPU-hours this month have reached it. */
  boolean budgetExhausted() {
    return monthlyGpuHours != null && gpuHoursThisMonth.compareTo(monthlyGpuHours) >= 0;
  }
}
