package org.crater.ejb.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/**
 * The sessions (refresh-token families) whose access tokens this replica refuses. Invariant: it
 * holds what the database held at the last refresh ({@link SessionRevocations}, every second) plus
 * what this replica revoked since. Asking costs one hash lookup in an immutable set, with no lock
 * and no database.
 */
@ApplicationScoped
public class RevokedSessions {

  private volatile Set<String> families = Set.of();

  /** Whether the session {@code family} has been ended. */
  public boolean contains(String family) {
    return family != null && families.contains(family);
  }

  /** This replica ended a session: refuse its access tokens here at once. */
  synchronized void add(String family) {
    Set<String> more = new HashSet<>(families);
    more.add(family);
    families = Set.copyOf(more);
  }

  /** The sessions in force as the database has them now. */
  synchronized void replace(Set<String> inForce) {
    families = Set.copyOf(inForce);
  }

  int size() {
    return families.size();
  }
}
