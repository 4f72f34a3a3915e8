package org.crater.model.usage;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** The identity of an {@link AttemptUsage}: one job's attempt on one day. */
public class AttemptUsageKey implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long jobId;
  private Integer attempt;
  private LocalDate day;

  public AttemptUsageKey() {}

  public AttemptUsageKey(long jobId, int attempt, LocalDate day) {
    this.jobId = jobId;
    this.attempt = attempt;
    this.day = day;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AttemptUsageKey key
        && Objects.equals(jobId, key.jobId)
        && Objects.equals(attempt, key.attempt)
        && Objects.equals(day, key.day);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, attempt, day);
  }
}
