package org.crater.model.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An owner's request for more run time for a job, and its decision. Approved hours move the job's
 * run-time deadline; a request is decided once.
 */
@Entity
@Table(name = "crater_job_extension")
@NamedQuery(
    name = Extension.OF_JOB,
    query = "SELECT e FROM Extension e WHERE e.jobId = :jobId ORDER BY e.requestedAt, e.id")
@NamedQuery(
    name = Extension.IN_STATE,
    query = "SELECT e FROM Extension e WHERE e.state = :state ORDER BY e.requestedAt, e.id")
@NamedQuery(name = Extension.ALL, query = "SELECT e FROM Extension e ORDER BY e.requestedAt, e.id")
public class Extension {

  public static final String OF_JOB = "Extension.ofJob";
  public static final String IN_STATE = "Extension.inState";
  public static final String ALL = "Extension.all";

  /** Who decides a request that the account's auto-approval covers. */
  public static final String POLICY_ACTOR = "policy";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "job_id", nullable = false, updatable = false)
  private Long jobId;

  @Column(nullable = false, updatable = false)
  private int hours;

  @Column(nullable = false, length = 1024, updatable = false)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ExtensionState state;

  @Column(name = "requested_by", nullable = false, length = 128, updatable = false)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Column(name = "decided_by", length = 128)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_message", length = 1024)
  private String decisionMessage;

  protected Extension() {}

  public Extension(long jobId, int hours, String reason, String requestedBy, Instant now) {
    this.jobId = jobId;
    this.hours = hours;
    this.reason = Objects.requireNonNull(reason, "reason");
    this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
    this.requestedAt = Objects.requireNonNull(now, "now");
    this.state = ExtensionState.PENDING;
  }

  /**
   * Approves or rejects the request.
   *
   * @throws IllegalStateException when it has been decided already
   */
  public void decide(boolean approve, String actor, String message, Instant now) {
    if (state != ExtensionState.PENDING) {
      throw new IllegalStateException("extension " + id + " is " + state + " already");
    }
    state = approve ? ExtensionState.APPROVED : ExtensionState.REJECTED;
    decidedBy = Objects.requireNonNull(actor, "actor");
    decidedAt = Objects.requireNonNull(now, "now");
    decisionMessage = message;
  }

  /** Whether the account's auto-approval, not an administrator, approved it. */
  public boolean isAutoApproved() {
    return state == ExtensionState.APPROVED && POLICY_ACTOR.equals(decidedBy);
  }

  public Long getId() {
    return id;
  }

  public Long getJobId() {
    return jobId;
  }

  public int getHours() {
    return hours;
  }

  public String getReason() {
    return reason;
  }

  public ExtensionState getState() {
    return state;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionMessage() {
    return decisionMessage;
  }
}
