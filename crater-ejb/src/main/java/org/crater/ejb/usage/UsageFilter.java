package org.crater.ejb.usage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.crater.ejb.common.CraterException;

/**
 * Which usage a report covers and how it sums it: the days {@code from} to {@code to}, both
 * included (days of {@code AttemptUsage.ZONE}), at most {@link #MAX_DAYS} of them; optionally one
 * user, account or GPU model; grouped by one or more of {@link UsageGrouping}.
 *
 * @param from the first day
 * @param to the last day
 * @param username only this user's usage, or null
 * @param account only usage in this account, or null
 * @param gpuModel only usage of this GPU model, or null
 * @param groupBy what the report sums by, never empty
 */
public record UsageFilter(
    LocalDate from,
    LocalDate to,
    String username,
    String account,
    String gpuModel,
    Set<UsageGrouping> groupBy) {

  /** The longest span one report covers, in days: a leap year. */
  public static final int MAX_DAYS = 366;

  /**
   * @throws CraterException 400 {@code invalid-range} when the range is reversed or too long
   */
  public UsageFilter {
    if (from == null || to == null) {
      throw invalid("from", "from and to are required");
    }
    if (to.isBefore(from)) {
      throw invalid("to", "to must not be before from");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw invalid("to", "a report covers at most " + MAX_DAYS + " days");
    }
    groupBy =
        groupBy == null || groupBy.isEmpty()
            ? Set.of(UsageGrouping.DAY)
            : Collections.unmodifiableSet(EnumSet.copyOf(groupBy));
  }

  /** The same filter for one user by name ({@code null}: any user). */
  public UsageFilter withUser(String username) {
    return new UsageFilter(from, to, username, account, gpuModel, groupBy);
  }

  private static CraterException invalid(String field, String message) {
    return new CraterException(400, "invalid-range", message + ".") {
      @Override
      public Map<String, String> fieldErrors() {
        return Map.of(field, message);
      }
    };
  }
}
