package org.crater.model.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.crater.model.account.Account;
import org.crater.model.user.User;

/**
 * A user's job in an account. What it runs never changes after submission; its phase moves only
 * through the methods below, each checked against {@link JobPhase}'s table and each returning the
 * {@link JobEvent} to record. Invariants: {@code attempt} starts at 1 and grows by one per requeue;
 * final phases never change again. A finished job may be archived once ({@link #archive}): lists
 * leave it out, its record and timeline stay. An interactive job (a notebook, a WebIDE) has its
 * secret (token or password) from its submission on (or, submitted before secrets were stored, from
 * its admission on) and keeps it across attempts and restarts of Crater.
 */
@Entity
@Table(name = "crater_job")
public class Job extends JobSubmission {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "job_ids")
  @TableGenerator(
      name = "job_ids",
      table = "crater_id_gen",
      pkColumnName = "gen_name",
      valueColumnName = "gen_value",
      pkColumnValue = "job",
      allocationSize = 100)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Slo slo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private JobPhase phase;

  @Column(length = 64)
  private String reason;

  @Column(name = "reason_message", length = 1024)
  private String reasonMessage;

  @Column(nullable = false)
  private int attempt;

  @Column(nullable = false)
  private int preemptions;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  @Column(name = "admitted_at")
  private Instant admittedAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "exit_code")
  private Integer exitCode;

  @Column(length = 1024)
  private String nodes;

  @Column(name = "archived_at")
  private Instant archivedAt;

  /** The secret of an interactive job, shown to the owner and administrators only; never logged. */
  @Column(name = "notebook_token", length = 64)
  private String notebookToken;

  @Version private long version;

  protected Job() {}

  public Job(User owner, Account account, JobRequest request, Instant now) {
    super(owner, account, request);
    this.slo = request.slo();
    this.phase = JobPhase.QUEUEING;
    this.attempt = 1;
    this.submittedAt = Objects.requireNonNull(now, "now");
    this.notebookToken = getKind().interactive() ? NotebookTokens.generate() : null;
  }

  /** The event of the submission itself; record it once the job has its id. */
  public JobEvent submitted(String actor) {
    return new JobEvent(id, submittedAt, null, JobPhase.QUEUEING, "Submitted", null, actor);
  }

  /** Records why a queued job still waits; the phase does not change. */
  public void waitFor(String reason, String message) {
    requirePhase(JobPhase.QUEUEING);
    this.reason = reason;
    this.reasonMessage = message;
  }

  public JobEvent admit(String actor, Instant now) {
    JobEvent event = move(JobPhase.CREATED, "Admitted", null, actor, now);
    admittedAt = now;
    if (getKind().interactive() && notebookToken == null) {
      notebookToken = NotebookTokens.generate(); // queued before tokens were stored
    }
    return event;
  }

  public JobEvent markPending(String reason, String message, String actor, Instant now) {
    return move(JobPhase.PENDING, reason, message, actor, now);
  }

  public JobEvent markRunning(String nodes, String actor, Instant now) {
    this.nodes = nodes;
    startedAt = now;
    return move(JobPhase.RUNNING, "Started", null, actor, now);
  }

  /** Succeeded when the exit code is 0, failed otherwise. */
  public JobEvent finish(int exitCode, String reason, String message, String actor, Instant now) {
    this.exitCode = exitCode;
    finishedAt = now;
    JobPhase end = exitCode == 0 ? JobPhase.SUCCEEDED : JobPhase.FAILED;
    return move(end, reason, message, actor, now);
  }

  /** Fails a job that never ran, e.g. one the cluster refused. */
  public JobEvent fail(String reason, String message, String actor, Instant now) {
    finishedAt = now;
    return move(JobPhase.FAILED, reason, message, actor, now);
  }

  public JobEvent preempt(String reason, String message, String actor, Instant now) {
    preemptions++;
    return move(JobPhase.PREEMPTED, reason, message, actor, now);
  }

  /** Puts a preempted job back in its queue as the next attempt. */
  public JobEvent requeue(String actor, Instant now) {
    JobEvent event = move(JobPhase.QUEUEING, "Requeued", "attempt " + (attempt + 1), actor, now);
    attempt++;
    admittedAt = null;
    startedAt = null;
    nodes = null;
    return event;
  }

  public JobEvent cancel(String actor, Instant now) {
    return cancel("Cancelled", null, actor, now);
  }

  /**
   * Cancels a job that has not ended, saying why: e.g. a policy's code ({@link PolicyReason}) and
   * its explanation.
   */
  public JobEvent cancel(String reason, String message, String actor, Instant now) {
    finishedAt = now;
    return move(JobPhase.CANCELLED, reason, message, actor, now);
  }

  /**
   * Records something that happened to the job without moving it (a policy's warning, an extension
   * request or its decision): an event that stays in the current phase ({@code from == to}).
   */
  public JobEvent note(String reason, String message, String actor, Instant now) {
    return new JobEvent(
        id, Objects.requireNonNull(now, "now"), phase, phase, reason, message, actor);
  }

  /**
   * Archives a finished job: it keeps its phase and holds nothing, lists leave it out. The event
   * stays in the phase it records ({@code from == to}).
   *
   * @throws IllegalStateException when the job has not ended or is archived already
   */
  public JobEvent archive(String actor, Instant now) {
    if (!phase.isFinal() || archivedAt != null) {
      throw new IllegalStateException(
          "job " + id + " cannot be archived: " + phase.label() + ", archived at " + archivedAt);
    }
    archivedAt = Objects.requireNonNull(now, "now");
    return new JobEvent(id, now, phase, phase, "Archived", null, actor);
  }

  /** Changes the service level; only while the job waits in its queue. */
  public void changeSlo(Slo slo) {
    requirePhase(JobPhase.QUEUEING);
    this.slo = Objects.requireNonNull(slo, "slo");
  }

  private JobEvent move(JobPhase next, String reason, String message, String actor, Instant now) {
    if (!phase.canMoveTo(next)) {
      throw new IllegalJobTransitionException(id == null ? -1 : id, phase, next);
    }
    JobEvent event = new JobEvent(id, now, phase, next, reason, message, actor);
    phase = next;
    this.reason = reason;
    this.reasonMessage = event.getMessage(); // bounded as the column is
    return event;
  }

  private void requirePhase(JobPhase expected) {
    if (phase != expected) {
      throw new IllegalJobTransitionException(id == null ? -1 : id, phase, expected);
    }
  }

  public Long getId() {
    return id;
  }

  public Slo getSlo() {
    return slo;
  }

  public JobPhase getPhase() {
    return phase;
  }

  public String getReason() {
    return reason;
  }

  public String getReasonMessage() {
    return reasonMessage;
  }

  public int getAttempt() {
    return attempt;
  }

  public int getPreemptions() {
    return preemptions;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getAdmittedAt() {
    return admittedAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Integer getExitCode() {
    return exitCode;
  }

  /** The notebook token or WebIDE password of an interactive job; null for other jobs. */
  public String getNotebookToken() {
    return notebookToken;
  }

  public String getNodes() {
    return nodes;
  }

  /** When the job was archived; {@code null} while it shows in lists. */
  public Instant getArchivedAt() {
    return archivedAt;
  }

  public boolean isArchived() {
    return archivedAt != null;
  }
}
