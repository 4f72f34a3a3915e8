package org.crater.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseConflictsTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "MariaDB: a username taken at the same time, found at commit",
            new EJBException(
                commitFailed(
                    new SQLIntegrityConstraintViolationException(
                        "Duplicate entry 'alice' for key 'uq_crater_user_username'",
                        "23000",
                        1062))),
            "user-exists"),
        Arguments.of(
            "MariaDB: an account name taken at the same time",
            new PersistenceException(
                new SQLIntegrityConstraintViolationException(
                    "Duplicate entry 'lab' for key 'uq_crater_account_name'", "23000", 1062)),
            "account-exists"),
        Arguments.of(
            "MariaDB: the same member added twice at once",
            new PersistenceException(
                new SQLIntegrityConstraintViolationException(
                    "Duplicate entry '1-1001' for key 'uq_crater_membership'", "23000", 1062)),
            "concurrent-change"),
        Arguments.of(
            "H2: a username taken, upper-case names",
            new PersistenceException(
                new SQLIntegrityConstraintViolationException(
                    "Unique index or primary key violation: \"PUBLIC.UQ_CRATER_USER_USERNAME\"",
                    "23505",
                    23505)),
            "user-exists"),
        Arguments.of(
            "a unique key Crater does not name",
            new PersistenceException(
                new SQLIntegrityConstraintViolationException(
                    "Duplicate entry 'x' for key 'PRIMARY'", "23000", 1062)),
            "already-exists"),
        Arguments.of(
            "a row deleted while a new one refers to it",
            new PersistenceException(
                new SQLIntegrityConstraintViolationException(
                    "Cannot add or update a child row: a foreign key constraint fails",
                    "23000",
                    1452)),
            "concurrent-change"),
        Arguments.of(
            "a row deleted while another refers to it",
            new SQLIntegrityConstraintViolationException(
                "Cannot delete or update a parent row", "23000", 1451),
            "concurrent-change"),
        Arguments.of(
            "a deadlock the database ended",
            new PersistenceException(
                new SQLTransactionRollbackException("Deadlock found", "40001", 1213)),
            "concurrent-change"),
        Arguments.of(
            "a lock wait that timed out",
            new PersistenceException(new SQLException("Lock wait timeout", "HY000", 1205)),
            "concurrent-change"),
        Arguments.of(
            "a missing value: a bug, not a race",
            new PersistenceException(
                new SQLIntegrityConstraintViolationException(
                    "Column 'name' cannot be null", "23000", 1048)),
            null),
        Arguments.of(
            "a query the database rejects",
            new PersistenceException(new SQLSyntaxErrorException("syntax", "42000", 1064)),
            null),
        Arguments.of(
            "an outage", new PersistenceException(new SQLException("gone", "08S01", 0)), null),
        Arguments.of("no SQL at all", new IllegalStateException("oops"), null));
  }

  private static RollbackException commitFailed(Throwable cause) {
    RollbackException rollback = new RollbackException("commit failed");
    rollback.initCause(new PersistenceException(cause));
    return rollback;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aLostRaceIsAConflictWithTheCodeOfItsCheck(String name, Throwable failure, String code) {
    if (code == null) {
      assertThat(DatabaseConflicts.in(failure)).isEmpty();
    } else {
      assertThat(DatabaseConflicts.in(failure))
          .hasValueSatisfying(
              conflict -> {
                assertThat(conflict.code()).isEqualTo(code);
                assertThat(conflict.message()).doesNotContainIgnoringCase("sql", "uq_crater");
              });
    }
  }
}
