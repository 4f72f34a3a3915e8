package org.crater.ejb.replica;

import java.time.Instant;

/**
 * One row of the change feed.
 *
 * @param id its place in the feed (ids are handed out in order, but committed in any order)
 * @param kind {@code JOB} or {@code QUOTA}
 * @param jobId the job that changed ({@code JOB} only)
 * @param createdAt when it was written
 */
public record Change(long id, String kind, Long jobId, Instant createdAt) {

  static final String JOB = "JOB";
  static final String QUOTA = "QUOTA";
}
