package org.crater.web.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds how many submissions of one user this replica works on at once ({@code
 * crater.jobs.max-concurrent-submits-per-user}). A user who fires many in parallel holds at most
 * that many request threads and database connections; the rest are answered 429 at once, at next to
 * no cost, so the requests of everyone else keep their threads, connections and CPU.
 */
@ApplicationScoped
public class SubmissionGate {

  @Inject
  @ConfigProperty(name = "crater.jobs.max-concurrent-submits-per-user", defaultValue = "4")
  int maxPerUser;

  private final Map<Long, Integer> running = new HashMap<>();

  /** Runs one submission of the user's, or throws {@link TooManySubmissionsException}. */
  public <T> T submit(long userId, Supplier<T> submission) {
    enter(userId);
    try {
      return submission.get();
    } finally {
      leave(userId);
    }
  }

  synchronized void enter(long userId) {
    int mine = running.getOrDefault(userId, 0);
    if (mine >= maxPerUser) {
      throw new TooManySubmissionsException(maxPerUser);
    }
    running.put(userId, mine + 1);
  }

  synchronized void leave(long userId) {
    running.computeIfPresent(userId, (id, mine) -> mine <= 1 ? null : mine - 1);
  }
}
