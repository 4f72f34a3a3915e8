package org.crater.model.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.crater.model.job.Job;
import org.crater.model.job.JobPhase;
import org.crater.model.job.Slo;

/**
 * What one attempt of a job used on one calendar day ({@link #ZONE}): its resources (all replicas
 * together) and how long it ran that day. Written once, when the attempt ends, in the transaction
 * that ends it; never changed. The key (job, attempt, day) makes sure no attempt is counted twice.
 * Who and where are copied from the job, so reports need no join.
 */
@Entity
@Table(name = "crater_attempt_usage")
@IdClass(AttemptUsageKey.class)
public class AttemptUsage {

  /** The zone whose midnights split attempts into days; reports are in days of this zone. */
  public static final ZoneId ZONE = ZoneId.of("UTC");

  @Id
  @Column(name = "job_id", nullable = false, updatable = false)
  private Long jobId;

  @Id
  @Column(nullable = false, updatable = false)
  private Integer attempt;

  @Id
  @Column(name = "usage_day", nullable = false, updatable = false)
  private LocalDate day;

  @Column(name = "owner_id", nullable = false, updatable = false)
  private Long ownerId;

  @Column(nullable = false, length = 64, updatable = false)
  private String username;

  @Column(name = "account_id", nullable = false, updatable = false)
  private Long accountId;

  @Column(nullable = false, length = 64, updatable = false)
  private String account;

  @Column(name = "gpu_model", length = 64, updatable = false)
  private String gpuModel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private Slo slo;

  @Enumerated(EnumType.STRING)
  @Column(name = "ended_as", nullable = false, length = 16, updatable = false)
  private JobPhase endedAs;

  @Column(nullable = false, updatable = false)
  private long gpus;

  @Column(name = "cpu_millis", nullable = false, updatable = false)
  private long cpuMillis;

  @Column(name = "memory_mib", nullable = false, updatable = false)
  private long memoryMib;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "ended_at", nullable = false, updatable = false)
  private Instant endedAt;

  @Column(name = "duration_ms", nullable = false, updatable = false)
  private long durationMs;

  protected AttemptUsage() {}

  /**
   * The part of {@code job}'s current attempt, ended in phase {@code endedAs}, that ran in {@code
   * slice}, with the attempt's resources (all replicas together).
   */
  public AttemptUsage(Job job, JobPhase endedAs, DaySlice slice, AttemptResources resources) {
    this.jobId = job.getId();
    this.attempt = job.getAttempt();
    this.day = slice.day();
    this.ownerId = job.getOwner().getId();
    this.username = job.getOwner().getUsername();
    this.accountId = job.getAccount().getId();
    this.account = job.getAccount().getName();
    this.gpuModel = job.getGpuModel();
    this.slo = job.getSlo();
    this.endedAs = endedAs;
    this.gpus = resources.gpus();
    this.cpuMillis = resources.cpuMillis();
    this.memoryMib = resources.memoryMib();
    this.startedAt = slice.from();
    this.endedAt = slice.to();
    this.durationMs = slice.duration().toMillis();
  }

  public Long getJobId() {
    return jobId;
  }

  public int getAttempt() {
    return attempt;
  }

  public LocalDate getDay() {
    return day;
  }

  public Long getOwnerId() {
    return ownerId;
  }

  public String getUsername() {
    return username;
  }

  public Long getAccountId() {
    return accountId;
  }

  public String getAccount() {
    return account;
  }

  public String getGpuModel() {
    return gpuModel;
  }

  public Slo getSlo() {
    return slo;
  }

  /** The phase the attempt ended in: succeeded, failed, cancelled or preempted. */
  public JobPhase getEndedAs() {
    return endedAs;
  }

  public long getGpus() {
    return gpus;
  }

  public long getCpuMillis() {
    return cpuMillis;
  }

  public long getMemoryMib() {
    return memoryMib;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public long getDurationMs() {
    return durationMs;
  }
}
