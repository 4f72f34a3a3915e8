package org.crater.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseFailuresTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        outage(
            "a pooled connection that died with the server",
            new EJBException(
                new PersistenceException(
                    new SQLNonTransientConnectionException(
                        "No operations allowed after connection closed.",
                        "08003",
                        new EOFException())))),
        outage(
            "no connection from the pool: connection refused",
            new PersistenceException(
                new SQLException(
                    "Error in allocating a connection.",
                    new ResourceAllocationException(
                        "Connection could not be allocated",
                        new SQLException(
                            "Communications link failure", "08S01", new ConnectException()))))),
        outage("an SQL state of class 08", new SQLException("link failure", "08S01")),
        outage(
            "a statement that timed out",
            new PersistenceException(new SQLTimeoutException("timeout"))),
        outage(
            "the outage in a chained SQL exception",
            chained(new SQLException("batch failed"), new SQLException("gone", "08006"))),
        bug("a programming error", new IllegalStateException("oops")),
        bug(
            "a duplicate key",
            new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"))),
        bug(
            "a query the database rejects",
            new PersistenceException(new SQLSyntaxErrorException("syntax", "42000"))),
        bug("a network failure without SQL", new RuntimeException(new ConnectException())),
        bug("a cause cycle", cycle()));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void tellsADatabaseOutageFromABug(Throwable failure, boolean outage) {
    assertThat(DatabaseFailures.unavailable(failure)).isEqualTo(outage);
  }

  @Test
  void namesTheCauseThatShowsTheOutage() {
    SQLException link = new SQLException("Communications link failure", "08S01");

    assertThat(DatabaseFailures.outageIn(new EJBException(new PersistenceException(link))))
        .containsSame(link);
  }

  private static Arguments outage(String name, Throwable failure) {
    return Arguments.of(Named.of(name, failure), true);
  }

  private static Arguments bug(String name, Throwable failure) {
    return Arguments.of(Named.of(name, failure), false);
  }

  private static SQLException chained(SQLException first, SQLException next) {
    first.setNextException(next);
    return first;
  }

  private static Throwable cycle() {
    IllegalStateException a = new IllegalStateException("a");
    IllegalStateException b = new IllegalStateException("b", a);
    a.initCause(b);
    return a;
  }
}
