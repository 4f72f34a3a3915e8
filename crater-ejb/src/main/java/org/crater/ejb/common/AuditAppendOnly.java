package org.crater.ejb.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 18.1: on MySQL and MariaDB, a trigger that refuses every {@code UPDATE} of {@code
 * crater_audit} (created by migration 13), so the audit log stays append-only whatever writes to
 * the database. A Java migration because it differs by database and may be refused: with binary
 * logging on, MySQL and MariaDB let only a user with {@code SUPER} create triggers (unless {@code
 * log_bin_trust_function_creators} is set), and a start-up must not fail for it. Then it logs the
 * statement for a database administrator to run, and Crater alone keeps the log append-only (no
 * code path updates a row). H2, the single-process embedded default, gets no trigger (its triggers
 * are Java classes).
 */
final class AuditAppendOnly implements JavaMigration {

  static final String TRIGGER = "crater_audit_append_only";

  static final String CREATE =
      "CREATE TRIGGER "
          + TRIGGER
          + " BEFORE UPDATE ON crater_audit FOR EACH ROW"
          + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'crater_audit is append-only'";

  private static final Logger LOG = Logger.getLogger(AuditAppendOnly.class.getName());

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("18.1");
  }

  @Override
  public String getDescription() {
    return "audit append only";
  }

  @Override
  public Integer getChecksum() {
    return CREATE.hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (!product.contains("mysql") && !product.contains("mariadb")) {
      LOG.info(() -> "audit log append-only by Crater alone database=" + product);
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE);
    } catch (SQLException e) {
      LOG.warning(
          () ->
              "cannot create the audit trigger, the audit log is append-only by Crater alone"
                  + " error="
                  + e.getErrorCode()
                  + " fix=\""
                  + CREATE
                  + "\" (run it as a user with SUPER)");
    }
  }
}
