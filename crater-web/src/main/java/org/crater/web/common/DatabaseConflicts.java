package org.crater.web.common;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a write that lost a race with another request from every other database failure, by the
 * causes the container, the persistence provider and the JDBC driver wrap around it, in one place
 * for every route: a unique key another request took first (MySQL/MariaDB error 1062, SQL state
 * 23505), a row another request still refers to or has removed meanwhile (errors 1451/1452, state
 * 23503), and a deadlock or lock wait the database ended by rolling back (state 40001, errors
 * 1205/1213). Each is a 409 the client may act on, never a 500; the unique keys Crater defines keep
 * the codes their checks use when no race is involved.
 */
public final class DatabaseConflicts {

  /**
   * A conflict as the client sees it.
   *
   * @param code the problem code
   * @param message what to tell the client
   */
  public record Conflict(String code, String message) {}

  private static final Conflict TAKEN =
      new Conflict(
          "already-exists", "It was created at the same time by another request; reload it.");
  private static final Conflict IN_USE =
      new Conflict(
          "concurrent-change",
          "Another request changed what this refers to at the same time; reload and retry.");
  private static final Conflict ROLLED_BACK =
      new Conflict("concurrent-change", "Someone changed this at the same time; reload and retry.");

  /** Crater's unique keys, as the database names them in its message, to the sequential codes. */
  private static final Map<String, Conflict> KEYS =
      Map.of(
          "uq_crater_user_username",
          new Conflict("user-exists", "The username is taken (by a request at the same time)."),
          "uq_crater_account_name",
          new Conflict("account-exists", "An account of that name was created at the same time."),
          "uq_crater_dataset_name",
          new Conflict("dataset-exists", "A dataset of that name was created at the same time."),
          "uq_crater_membership",
          new Conflict(
              "concurrent-change",
              "The membership was added by a request at the same time; reload and retry."));

  private DatabaseConflicts() {}

  /** The conflict {@code failure} or one of its causes shows, if any. */
  public static Optional<Conflict> in(Throwable failure) {
    return DatabaseFailures.causeIn(failure, DatabaseConflicts::isConflict)
        .map(cause -> of((SQLException) cause));
  }

  private static boolean isConflict(Throwable t) {
    return t instanceof SQLException sql && (duplicate(sql) || referenced(sql) || rolledBack(sql));
  }

  private static Conflict of(SQLException sql) {
    if (duplicate(sql)) {
      String text = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
      return KEYS.entrySet().stream()
          .filter(key -> text.contains(key.getKey()))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(TAKEN);
    }
    return referenced(sql) ? IN_USE : ROLLED_BACK;
  }

  private static boolean duplicate(SQLException sql) {
    return sql.getErrorCode() == 1062
        || sql.getErrorCode() == 1586
        || "23505".equals(sql.getSQLState());
  }

  private static boolean referenced(SQLException sql) {
    int code = sql.getErrorCode();
    return code == 1451
        || code == 1452
        || code == 1216
        || code == 1217
        || "23503".equals(sql.getSQLState());
  }

  private static boolean rolledBack(SQLException sql) {
    return sql instanceof SQLTransactionRollbackException
        || "40001".equals(sql.getSQLState())
        || sql.getErrorCode() == 1213
        || sql.getErrorCode() == 1205;
  }
}
