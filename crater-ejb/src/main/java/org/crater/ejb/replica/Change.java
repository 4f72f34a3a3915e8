package org.crater.ejb.replica;

/**
 * One row of the change feed.
 *
 * @param id its place in the feed (ids are handed out in order, but committed in any order)
 * @param kind {@code JOB} or {@code QUOTA}
 * @param jobId the job that changed ({@code JOB} only)
 */
public record Change(long id, String kind, Long jobId) {

  static final String JOB = "JOB";
  static final String QUOTA = "QUOTA";
}
