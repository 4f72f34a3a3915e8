package org.crater.ejb.common;

/**
 * Paging for native queries. Given {@code setFirstResult} / {@code setMaxResults}, EclipseLink
 * leaves native SQL as it is and asks the driver for {@code offset + limit} rows, skipping the
 * first ones: slow on a far page, and refused by H2 beyond 50,000,000 rows. The clause here makes
 * the database skip them itself; MariaDB, MySQL and H2 all read it.
 */
public final class NativePage {

  private NativePage() {}

  /** {@code sql} (ending in its ORDER BY) limited to {@code limit} rows from {@code offset}. */
  public static String of(String sql, int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset " + offset + " and limit " + limit);
    }
    return sql + " LIMIT " + limit + " OFFSET " + offset;
  }
}
