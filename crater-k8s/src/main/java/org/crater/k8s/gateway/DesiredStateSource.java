package org.crater.k8s.gateway;

import java.util.Optional;

/**
 * Port implemented by the EJB layer from the database: which attempt of a job should exist. Must
 * read the current committed state (level-triggered), never a cached event.
 */
@FunctionalInterface
public interface DesiredStateSource {

  /** The attempt that should exist, or empty when no object of the job should exist at all. */
  Optional<DesiredAttempt> desired(long jobId);
}
