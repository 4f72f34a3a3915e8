package org.crater.model.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.crater.model.account.Account;

/**
 * A stored policy: the cluster default (no account; one row, made by the schema) or an account's
 * own, which replaces the default for that account's jobs as a whole.
 */
@Entity
@Table(name = "crater_policy")
@NamedQuery(name = Policy.DEFAULT, query = "SELECT p FROM Policy p WHERE p.account IS NULL")
@NamedQuery(name = Policy.OF_ACCOUNT, query = "SELECT p FROM Policy p WHERE p.account = :account")
@NamedQuery(name = Policy.ALL, query = "SELECT p FROM Policy p LEFT JOIN FETCH p.account")
public class Policy {

  public static final String DEFAULT = "Policy.default";
  public static final String OF_ACCOUNT = "Policy.ofAccount";
  public static final String ALL = "Policy.all";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @OneToOne
  @JoinColumn(name = "account_id", updatable = false)
  private Account account;

  @Column(name = "batch_max_run_seconds")
  private Long batchMaxRunSeconds;

  @Column(name = "interactive_max_run_seconds")
  private Long interactiveMaxRunSeconds;

  @Column(name = "run_warning_seconds")
  private Long runWarningSeconds;

  @Column(name = "idle_percent")
  private Double idlePercent;

  @Column(name = "idle_window_seconds")
  private Long idleWindowSeconds;

  @Column(name = "idle_grace_seconds")
  private Long idleGraceSeconds;

  @Column(name = "max_queue_seconds")
  private Long maxQueueSeconds;

  @Column(name = "cancel_after_queue", nullable = false)
  private boolean cancelAfterQueue;

  @Column(name = "auto_approve_hours")
  private Integer autoApproveHours;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 128)
  private String updatedBy;

  protected Policy() {}

  /** An account's own policy. */
  public Policy(Account account, PolicyLimits limits, String actor, Instant now) {
    this.account = Objects.requireNonNull(account, "account");
    change(limits, actor, now);
  }

  /** Replaces every limit. */
  public void change(PolicyLimits limits, String actor, Instant now) {
    batchMaxRunSeconds = seconds(limits.batchMaxRun());
    interactiveMaxRunSeconds = seconds(limits.interactiveMaxRun());
    runWarningSeconds = seconds(limits.runWarning());
    idlePercent = limits.idlePercent();
    idleWindowSeconds = seconds(limits.idleWindow());
    idleGraceSeconds = seconds(limits.idleGrace());
    maxQueueSeconds = seconds(limits.maxQueue());
    cancelAfterQueue = limits.cancelAfterQueue();
    autoApproveHours = limits.autoApproveHours();
    updatedBy = Objects.requireNonNull(actor, "actor");
    updatedAt = Objects.requireNonNull(now, "now");
  }

  public PolicyLimits limits() {
    return new PolicyLimits(
        duration(batchMaxRunSeconds),
        duration(interactiveMaxRunSeconds),
        duration(runWarningSeconds),
        idlePercent,
        duration(idleWindowSeconds),
        duration(idleGraceSeconds),
        duration(maxQueueSeconds),
        cancelAfterQueue,
        autoApproveHours);
  }

  private static Long seconds(Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }

  private static Duration duration(Long seconds) {
    return seconds == null ? null : Duration.ofSeconds(seconds);
  }

  public Long getId() {
    return id;
  }

  /** The account this policy is for; {@code null} for the cluster default. */
  public Account getAccount() {
    return account;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
