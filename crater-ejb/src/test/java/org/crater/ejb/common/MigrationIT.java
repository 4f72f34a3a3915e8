package org.crater.ejb.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations run on the MariaDB/MySQL server of this machine, in a database of their own. */
class MigrationIT {

  private static final String DATABASE =
      System.getProperty("crater.it.migration.db", "crater_migration_it");

  @BeforeAll
  static void freshDatabase() throws Exception {
    try (Connection c = admin("").getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE);
      s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
  }

  @Test
  void migratesAnEmptyDatabaseOnceAndValidates() throws Exception {
    MysqlDataSource db = admin(DATABASE);

    MigrateResult first = SchemaMigration.flyway(db).migrate();
    MigrateResult second = SchemaMigration.flyway(db).migrate();

    assertThat(first.migrationsExecuted).isPositive();
    assertThat(first.database).isNotBlank();
    assertThat(second.migrationsExecuted).isZero();
    assertThat(SchemaMigration.flyway(db).validateWithResult().validationSuccessful).isTrue();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name, DATETIME_PRECISION FROM crater_account, "
                    + "information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                    + DATABASE
                    + "' AND TABLE_NAME = 'crater_account' AND COLUMN_NAME = 'created_at'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("default");
      assertThat(rs.getInt(2)).as("microsecond timestamps").isEqualTo(6);
    }
    try (Connection c = db.getConnection()) {
      MigrationTest.assertDatasetGrantsFollowTheirDataset(c);
    }
  }

  @Test
  void theAuditLogRefusesUpdatesButNotInsertsOrDeletes() throws Exception {
    String database = DATABASE + "_audit";
    try (Connection c = admin("").getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
      s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    MysqlDataSource db = admin(database);
    SchemaMigration.flyway(db).migrate();

    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      MigrationTest.insertAuditRow(s);
      assertThatThrownBy(() -> s.executeUpdate("UPDATE crater_audit SET status = 500"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE crater_audit SET username = 'mallory'"))
          .hasMessageContaining("append-only");
      try (ResultSet rs = s.executeQuery("SELECT status, username FROM crater_audit")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(200);
        assertThat(rs.getString(2)).isEqualTo("alice");
      }
      assertThat(s.executeUpdate("DELETE FROM crater_audit")).isEqualTo(1);
    }
  }

  private static MysqlDataSource admin(String database) {
    MysqlDataSource ds = new MysqlDataSource();
    ds.setUrl(
        "jdbc:mysql://"
            + System.getProperty("crater.it.db.host", "127.0.0.1")
            + ":"
            + System.getProperty("crater.it.db.port", "3306")
            + "/"
            + database);
    ds.setUser(System.getProperty("crater.it.db.adminUser", "root"));
    ds.setPassword(System.getProperty("crater.it.db.adminPassword", ""));
    return ds;
  }
}
