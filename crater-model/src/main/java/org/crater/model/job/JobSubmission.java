package org.crater.model.job;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crater.model.account.Account;
import org.crater.model.quota.ResourceVector;
import org.crater.model.user.User;

/**
 * What a job runs, as its owner submitted it: who, where, the kind, the image and its command, the
 * resources per replica and the mounts. None of it changes after submission; {@link Job} adds the
 * job's life (phase, attempts, times) on top.
 */
@MappedSuperclass
public abstract class JobSubmission {

  @Column(nullable = false, length = 128)
  private String name;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "owner_id", nullable = false, updatable = false)
  private User owner;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private JobKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "task_type", nullable = false, length = 16, updatable = false)
  private TaskType taskType;

  @Column(nullable = false, length = 512, updatable = false)
  private String image;

  @Convert(converter = JobConverters.StringList.class)
  @Column(nullable = false, updatable = false)
  private List<String> command;

  @Convert(converter = JobConverters.StringList.class)
  @Column(nullable = false, updatable = false)
  private List<String> args;

  @Convert(converter = JobConverters.StringMap.class)
  @Column(nullable = false, updatable = false)
  private Map<String, String> env;

  @Column(name = "working_dir", length = 1024, updatable = false)
  private String workingDir;

  @Column(nullable = false, length = 1024, updatable = false)
  private ResourceVector resources;

  @Column(name = "gpu_model", length = 64, updatable = false)
  private String gpuModel;

  @Column(nullable = false, updatable = false)
  private int replicas;

  @Convert(converter = JobConverters.Mounts.class)
  @Column(nullable = false, updatable = false)
  private List<JobMount> mounts;

  @Column(name = "estimated_seconds", updatable = false)
  private Long estimatedSeconds;

  protected JobSubmission() {}

  /** What {@code owner} asked to run in {@code account}, as submitted. */
  protected JobSubmission(User owner, Account account, JobRequest request) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.account = Objects.requireNonNull(account, "account");
    this.name = request.name();
    this.kind = request.kind();
    this.taskType = request.taskType();
    this.image = request.image();
    this.command = request.command();
    this.args = request.args();
    this.env = request.env();
    this.workingDir = request.workingDir();
    this.resources = request.resources();
    this.gpuModel = request.gpuModel();
    this.replicas = request.replicas();
    this.mounts = request.mounts();
    this.estimatedSeconds = request.estimatedSeconds();
  }

  public String getName() {
    return name;
  }

  public User getOwner() {
    return owner;
  }

  public Account getAccount() {
    return account;
  }

  public JobKind getKind() {
    return kind;
  }

  public TaskType getTaskType() {
    return taskType;
  }

  public String getImage() {
    return image;
  }

  public List<String> getCommand() {
    return command;
  }

  public List<String> getArgs() {
    return args;
  }

  public Map<String, String> getEnv() {
    return env;
  }

  public String getWorkingDir() {
    return workingDir;
  }

  public ResourceVector getResources() {
    return resources;
  }

  public String getGpuModel() {
    return gpuModel;
  }

  /** Everything the job holds while it runs: the per-replica resources times the replicas. */
  public ResourceVector total() {
    return resources.times(replicas);
  }

  public int getReplicas() {
    return replicas;
  }

  public List<JobMount> getMounts() {
    return mounts;
  }

  public Long getEstimatedSeconds() {
    return estimatedSeconds;
  }
}
