package org.crater.ejb.usage;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.crater.model.usage.AttemptUsage;

/**
 * The GPU-hours accounts used this calendar month ({@link AttemptUsage#ZONE}): what their ended
 * attempts used from the first of the month on, for the monthly budgets. One query, which reads
 * only the month's rows of those accounts (index on account and day).
 */
public final class MonthlyGpuHours {

  private MonthlyGpuHours() {}

  /** GPU-hours by account name, this month as of {@code now}; accounts that used none absent. */
  public static Map<String, BigDecimal> of(
      EntityManager em, Collection<String> accounts, Instant now) {
    Map<String, BigDecimal> used = new HashMap<>();
    if (accounts.isEmpty()) {
      return used;
    }
    LocalDate first = LocalDate.ofInstant(now, AttemptUsage.ZONE).withDayOfMonth(1);
    em.createQuery(
            "SELECT u.account, SUM(u.gpus * u.durationMs) FROM AttemptUsage u"
                + " WHERE u.account IN :accounts AND u.day >= :first GROUP BY u.account",
            Object[].class)
        .setParameter("accounts", accounts)
        .setParameter("first", first)
        .getResultStream()
        .forEach(row -> used.put((String) row[0], UsageService.hours(row[1], 1)));
    return used;
  }
}
