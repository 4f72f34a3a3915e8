package org.crater.ejb.common;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Switches off the persistence provider's own retry of a read whose database connection broke.
 * EclipseLink's default (three retries, five seconds apart) holds every request for ten seconds or
 * more while the database is down, and repeats every timeout while it hangs. The pool hands out
 * only connections it has just checked, so a retry would rarely find a better one: the request
 * answers 503 with {@code Retry-After} at once, and the client retries. Named by {@code
 * eclipselink.session.customizer} in {@code persistence.xml}.
 */
public class QueryRetries implements SessionCustomizer {

  static final int ATTEMPTS = 0;
  static final int DELAY_MS = 0;

  @Override
  public void customize(Session session) {
    session.getLogin().setQueryRetryAttemptCount(ATTEMPTS);
    session.getLogin().setDelayBetweenConnectionAttempts(DELAY_MS);
  }
}
