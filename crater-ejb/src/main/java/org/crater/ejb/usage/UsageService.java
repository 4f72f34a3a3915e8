package org.crater.ejb.usage;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crater.ejb.auth.Principal;

/**
 * Usage reports: sums of the attempts' day rows ({@code AttemptUsage}) over a range of days, by the
 * groups asked for, in one query. A user sees their own usage; administrators anyone's. Amounts are
 * hours rounded to six decimals (a GPU for one second is 0.000278 GPU-hours).
 */
@Stateless
public class UsageService {

  private static final long MS_PER_HOUR = 3_600_000L;

  @PersistenceContext private EntityManager em;

  /** The caller's own usage ({@code filter}'s user is ignored). */
  public List<UsageRow> own(Principal caller, UsageFilter filter) {
    return report(caller.userId(), filter.withUser(null));
  }

  /** Everyone's usage, for administrators. */
  public List<UsageRow> all(UsageFilter filter) {
    return report(null, filter);
  }

  private List<UsageRow> report(Long ownerId, UsageFilter filter) {
    List<UsageGrouping> groups = new ArrayList<>(filter.groupBy());
    String columns = groups.stream().map(UsageGrouping::path).collect(Collectors.joining(", "));
    Map<String, Object> equal = new LinkedHashMap<>();
    equal.put("ownerId", ownerId);
    equal.put("username", filter.username());
    equal.put("account", filter.account());
    equal.put("gpuModel", filter.gpuModel());
    equal.values().removeIf(Objects::isNull);
    StringBuilder jpql =
        new StringBuilder("SELECT ")
            .append(columns)
            .append(", SUM(u.gpus * u.durationMs), SUM(u.cpuMillis * u.durationMs),")
            .append(" SUM(u.memoryMib * u.durationMs) FROM AttemptUsage u")
            .append(" WHERE u.day BETWEEN :from AND :to");
    equal.keySet().forEach(name -> jpql.append(" AND u.").append(name).append(" = :").append(name));
    jpql.append(" GROUP BY ").append(columns).append(" ORDER BY ").append(columns);
    TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
    query.setParameter("from", filter.from()).setParameter("to", filter.to());
    equal.forEach(query::setParameter);
    return query.getResultStream().map(row -> row(groups, row)).toList();
  }

  /** One result row: the grouped columns in {@code groups}' order, then the three sums. */
  static UsageRow row(List<UsageGrouping> groups, Object[] row) {
    Object[] group = new Object[UsageGrouping.values().length];
    for (int i = 0; i < groups.size(); i++) {
      group[groups.get(i).ordinal()] = row[i];
    }
    int sums = groups.size();
    return new UsageRow(
        (LocalDate) group[UsageGrouping.DAY.ordinal()],
        (String) group[UsageGrouping.USER.ordinal()],
        (String) group[UsageGrouping.ACCOUNT.ordinal()],
        (String) group[UsageGrouping.GPU_MODEL.ordinal()],
        hours(row[sums], 1),
        hours(row[sums + 1], 1000),
        hours(row[sums + 2], 1024));
  }

  /** A sum of amount-milliseconds as amount-hours, {@code unit} amounts making one. */
  static BigDecimal hours(Object sum, long unit) {
    BigDecimal total = sum == null ? BigDecimal.ZERO : new BigDecimal(sum.toString());
    return total.divide(BigDecimal.valueOf(unit * MS_PER_HOUR), 6, RoundingMode.HALF_UP);
  }
}
