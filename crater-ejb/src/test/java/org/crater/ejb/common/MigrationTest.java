package org.crater.ejb.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The migrations run on the embedded default database exactly as configured there. */
class MigrationTest {

  @Test
  void migratesAnEmptyH2DatabaseAndSeedsTheDefaultAccount() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:migration-test;DB_CLOSE_DELAY=-1;MODE=LEGACY");
    h2.setUser("sa");

    MigrateResult first = SchemaMigration.flyway(h2).migrate();
    MigrateResult second = SchemaMigration.flyway(h2).migrate();

    assertThat(first.migrationsExecuted).isPositive();
    assertThat(second.migrationsExecuted).isZero();
    assertThat(SchemaMigration.flyway(h2).validateWithResult().validationSuccessful).isTrue();
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM crater_account")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("default");
    }
  }

  @Test
  void theAuditLogTakesRowsOnH2WithoutATrigger() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:migration-audit;DB_CLOSE_DELAY=-1;MODE=LEGACY");
    h2.setUser("sa");

    SchemaMigration.flyway(h2).migrate();

    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      insertAuditRow(s);
      assertThat(count(s, "crater_audit")).isEqualTo(1);
      assertThat(java.util.Arrays.stream(SchemaMigration.flyway(h2).info().applied()))
          .as("the trigger's migration is done, doing nothing on H2")
          .anyMatch(m -> m.getVersion().getVersion().equals("18.1") && m.getState().isApplied());
      s.executeUpdate("UPDATE crater_audit SET status = 500");
    }
  }

  /** One audit row as the writer stores it. */
  static void insertAuditRow(Statement s) throws Exception {
    s.executeUpdate(
        "INSERT INTO crater_audit (created_at, user_id, username, address, method, route,"
            + " object_type, object_id, status) VALUES (CURRENT_TIMESTAMP, 7, 'alice',"
            + " '10.0.0.1', 'POST', '/api/v1/jobs/{id}/cancel', 'jobs', '42', 200)");
  }

  @Test
  void theDefaultPolicyIsSeededWithEveryLimitOff() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:migration-policies;DB_CLOSE_DELAY=-1;MODE=LEGACY");
    h2.setUser("sa");
    SchemaMigration.flyway(h2).migrate();

    try (Connection c = h2.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT account_id, batch_max_run_seconds, idle_percent, cancel_after_queue"
                    + " FROM crater_policy")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isNull();
      assertThat(rs.getObject(2)).isNull();
      assertThat(rs.getObject(3)).isNull();
      assertThat(rs.getBoolean(4)).isFalse();
      assertThat(rs.next()).as("one default").isFalse();
    }
  }

  @Test
  void datasetGrantsGoWithTheirDataset() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:migration-datasets;DB_CLOSE_DELAY=-1;MODE=LEGACY");
    h2.setUser("sa");
    SchemaMigration.flyway(h2).migrate();

    try (Connection c = h2.getConnection()) {
      assertDatasetGrantsFollowTheirDataset(c);
    }
  }

  /** A dataset shared with the default account; deleting the dataset removes the grant. */
  static void assertDatasetGrantsFollowTheirDataset(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO crater_dataset (id, name, description, kind, pvc, sub_path, read_only,"
              + " visibility, created_at, updated_at, version) VALUES (1, 'imagenet', '',"
              + " 'DATASET', 'shared-data', 'imagenet', TRUE, 'SHARED', CURRENT_TIMESTAMP,"
              + " CURRENT_TIMESTAMP, 1)");
      s.executeUpdate("INSERT INTO crater_dataset_account (dataset_id, account_id) VALUES (1, 1)");
      assertThat(count(s, "crater_dataset_account")).isEqualTo(1);
      s.executeUpdate("DELETE FROM crater_dataset WHERE id = 1");
      assertThat(count(s, "crater_dataset_account")).isZero();
      assertThat(count(s, "crater_dataset_user")).isZero();
    }
  }

  private static int count(Statement s, String table) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
