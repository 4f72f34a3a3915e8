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
}
