package org.crater.model.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.Objects;

/**
 * One move of a job in its life cycle: when, from which phase to which, why (a stable code and a
 * message), and who or what moved it. The audit trail and the job's timeline; never changed.
 */
@Entity
@Table(name = "crater_job_event")
@NamedQuery(
    name = JobEvent.OF_JOB,
    query = "SELECT e FROM JobEvent e WHERE e.jobId = :jobId ORDER BY e.at, e.id")
public class JobEvent {

  public static final String OF_JOB = "JobEvent.ofJob";

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "job_event_ids")
  @TableGenerator(
      name = "job_event_ids",
      table = "crater_id_gen",
      pkColumnName = "gen_name",
      valueColumnName = "gen_value",
      pkColumnValue = "job_event",
      allocationSize = 100)
  private Long id;

  @Column(name = "job_id", nullable = false, updatable = false)
  private Long jobId;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_phase", length = 16, updatable = false)
  private JobPhase from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_phase", nullable = false, length = 16, updatable = false)
  private JobPhase to;

  @Column(name = "reason", nullable = false, length = 64, updatable = false)
  private String reason;

  @Column(length = 1024, updatable = false)
  private String message;

  @Column(nullable = false, length = 128, updatable = false)
  private String actor;

  /** The leadership epoch of the replica that made the move as leader; null for a request's. */
  @Column(updatable = false)
  private Long epoch;

  protected JobEvent() {}

  JobEvent(
      Long jobId,
      Instant at,
      JobPhase from,
      JobPhase to,
      String reason,
      String message,
      String actor) {
    this.jobId = jobId;
    this.at = Objects.requireNonNull(at, "at");
    this.from = from;
    this.to = Objects.requireNonNull(to, "to");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.message =
        message == null || message.length() <= 1024 ? message : message.substring(0, 1024);
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  public Long getId() {
    return id;
  }

  public Long getJobId() {
    return jobId;
  }

  public Instant getAt() {
    return at;
  }

  public JobPhase getFrom() {
    return from;
  }

  public JobPhase getTo() {
    return to;
  }

  public String getReason() {
    return reason;
  }

  public String getMessage() {
    return message;
  }

  public String getActor() {
    return actor;
  }

  public Long getEpoch() {
    return epoch;
  }

  /** Marks the move as made by the leader of {@code epoch}; once, before it is stored. */
  public JobEvent underEpoch(long epoch) {
    if (this.epoch != null || id != null) {
      throw new IllegalStateException("the epoch of a move is set once, before it is stored");
    }
    this.epoch = epoch;
    return this;
  }
}
