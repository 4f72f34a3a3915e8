package org.crater.ejb.notify;

import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/** Reads the values native queries answer, which differ between MySQL/MariaDB and H2. */
final class Columns {

  private Columns() {}

  static Instant instant(Object column) {
    if (column == null) {
      return null;
    }
    if (column instanceof Timestamp t) {
      return t.toInstant();
    }
    if (column instanceof LocalDateTime t) {
      return Timestamp.valueOf(t).toInstant(); // written as Timestamp.from, in the same zone
    }
    if (column instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    return (Instant) column;
  }

  /** The rows a native query of several columns answers. */
  static List<Object[]> rows(Query query) {
    List<?> rows = query.getResultList();
    return rows.stream().map(Object[].class::cast).toList();
  }

  static long number(Object column) {
    return ((Number) column).longValue();
  }

  static Long numberOrNull(Object column) {
    return column == null ? null : number(column);
  }

  static boolean truthy(Object column) {
    return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
  }

  static Timestamp timestamp(Instant at) {
    return Timestamp.from(at);
  }
}
