package org.crater.web.common;

import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells a database that is gone or not answering from every other failure, by the causes the
 * container, the persistence provider and the JDBC driver wrap around it: a connection the pool
 * cannot hand out, an SQL state of class 08 (connection exception), a connection or timeout
 * exception of the JDBC API. Anything else, such as a constraint violation or a bad query, is not a
 * database outage but a bug, and stays one.
 */
public final class DatabaseFailures {

  private static final int MAX_CAUSES = 64;

  private DatabaseFailures() {}

  /** True when {@code failure} or one of its causes says the database cannot be reached now. */
  public static boolean unavailable(Throwable failure) {
    return outageIn(failure).isPresent();
  }

  /** The cause that says the database cannot be reached now, if there is one. */
  public static Optional<Throwable> outageIn(Throwable failure) {
    return causeIn(failure, DatabaseFailures::outage);
  }

  /**
   * The first of {@code failure} and its causes (chained SQL exceptions included, cycles and
   * absurdly deep chains cut) that matches.
   */
  static Optional<Throwable> causeIn(Throwable failure, Predicate<Throwable> matches) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.add(failure);
    while (!todo.isEmpty() && seen.size() < MAX_CAUSES) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (matches.test(t)) {
        return Optional.of(t);
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
    }
    return Optional.empty();
  }

  private static boolean outage(Throwable t) {
    if (t instanceof ResourceAllocationException
        || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLTimeoutException) {
      return true;
    }
    return t instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("08");
  }
}
