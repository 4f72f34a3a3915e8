package org.crater.model.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What the policy checks have done to a job's current attempt: the run-time deadline its owner was
 * warned about, since when its idle warning stands, whether its queueing-time warning was given.
 * Stored, so that a warning is recorded once per cause across restarts and leader changes; a new
 * attempt starts afresh.
 */
@Entity
@Table(name = "crater_job_policy")
public class JobPolicyState {

  @Id
  @Column(name = "job_id")
  private Long jobId;

  @Column(nullable = false)
  private int attempt;

  @Column(name = "run_warned_deadline")
  private Instant runWarnedDeadline;

  @Column(name = "idle_warned_at")
  private Instant idleWarnedAt;

  @Column(name = "queue_warned", nullable = false)
  private boolean queueWarned;

  protected JobPolicyState() {}

  public JobPolicyState(long jobId, int attempt) {
    this.jobId = jobId;
    this.attempt = attempt;
  }

  /** Forgets what was done to an earlier attempt. */
  public void startAttempt(int attempt) {
    if (this.attempt != attempt) {
      this.attempt = attempt;
      runWarnedDeadline = null;
      idleWarnedAt = null;
      queueWarned = false;
    }
  }

  public void runWarned(Instant deadline) {
    runWarnedDeadline = deadline;
  }

  public void idleWarned(Instant at) {
    idleWarnedAt = at;
  }

  /** The job was seen busy (or its owner was granted more time): a new idle warning is needed. */
  public void idleCleared() {
    idleWarnedAt = null;
  }

  public void queueWarned() {
    queueWarned = true;
  }

  public Long getJobId() {
    return jobId;
  }

  public int getAttempt() {
    return attempt;
  }

  public Instant getRunWarnedDeadline() {
    return runWarnedDeadline;
  }

  public Instant getIdleWarnedAt() {
    return idleWarnedAt;
  }

  public boolean isQueueWarned() {
    return queueWarned;
  }
}
