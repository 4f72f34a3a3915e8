package org.crater.web.compat.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.crater.ejb.dataset.MountGrants;
import org.crater.ejb.job.JobFilter;
import org.crater.ejb.job.JobNames;
import org.crater.ejb.quota.MemberQuota;
import org.crater.ejb.quota.QuotaCharge;
import org.crater.ejb.quota.ResourceQuantities;
import org.crater.model.account.Account;
import org.crater.model.job.Job;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobMount;
import org.crater.model.job.JobPhase;
import org.crater.model.job.JobRequest;
import org.crater.model.job.Slo;
import org.crater.model.job.TaskType;
import org.crater.model.quota.ResourceVector;
import org.crater.web.compat.CompatJson;

/** Converts between v0.1.0 tasks and native jobs, quotas and statistics. */
public final class TaskViews {

  /** v0.1.0 ran a task's command as {@code /bin/bash -c <command>}. */
  static final List<String> SHELL = List.of("/bin/bash", "-c");

  /** The resources the frontend shows in columns: always in a task, zero included. */
  static final List<String> SHOWN = List.of("cpu", "memory", QuotaCharge.GPU);

  private TaskViews() {}

  /**
   * The native request for a v0.1.0 task: one BATCH pod running the command in a shell. Its share
   * dirs are mounted read-only where the user's datasets allow nothing else ({@code grants}).
   */
  static JobRequest request(TaskBodies.Create task, MountGrants grants) {
    List<String> command = new ArrayList<>(SHELL);
    command.add(task.command());
    return new JobRequest(
        task.taskName().strip(),
        JobKind.BATCH,
        TaskType.valueOf(task.taskType().toUpperCase(Locale.ROOT)),
        slo(task.slo()),
        task.image().strip(),
        command,
        List.of(),
        Map.of(),
        task.workingDir() == null || task.workingDir().isBlank() ? null : task.workingDir(),
        ResourceQuantities.parse("resourceRequest", task.resourceRequest()),
        null,
        1,
        mounts(task.shareDirs(), grants),
        task.estimatedTime() == null || task.estimatedTime() == 0 ? null : task.estimatedTime());
  }

  /** v0.1.0's slo: 1 guaranteed, anything else (0, absent) best effort. */
  static Slo slo(Integer slo) {
    return slo != null && slo == 1 ? Slo.GUARANTEED : Slo.BEST_EFFORT;
  }

  private static List<JobMount> mounts(
      Map<String, List<TaskBodies.DirMount>> shareDirs, MountGrants grants) {
    if (shareDirs == null) {
      return List.of();
    }
    List<JobMount> mounts = new ArrayList<>();
    shareDirs.forEach(
        (pvc, dirs) ->
            dirs.forEach(
                m -> {
                  String subPath = Objects.requireNonNullElse(m.subPath(), "");
                  boolean readOnly = grants.onlyReadable(pvc, subPath);
                  mounts.add(new JobMount(pvc, subPath, m.mountPath(), readOnly));
                }));
    return mounts;
  }

  /** The tasks of these jobs, deleted ones included: the frontend filters on isDeleted. */
  public static TaskAnswers.Listing listing(Stream<Job> jobs, String namespace) {
    return new TaskAnswers.Listing(jobs.map(job -> of(job, namespace)).toList());
  }

  /** Whether the job is a deleted task: deleted through v0.1.0 (archived), or cancelled. */
  static boolean deleted(Job job) {
    return job.isArchived() || job.getPhase() == JobPhase.CANCELLED;
  }

  public static TaskView of(Job job, String namespace) {
    return new TaskView(
        job.getId(),
        job.getName(),
        job.getOwner().getUsername(),
        namespace,
        job.getTaskType().name().toLowerCase(Locale.ROOT),
        job.getSubmittedAt(),
        lastChange(job),
        job.getAdmittedAt(),
        job.getStartedAt(),
        job.getFinishedAt(),
        seconds(job.getStartedAt(), job.getFinishedAt()),
        seconds(job.getSubmittedAt(), job.getFinishedAt()),
        job.getImage(),
        CompatJson.text(resourceRequest(job.getResources())),
        Objects.requireNonNullElse(job.getWorkingDir(), ""),
        CompatJson.text(shareDirs(job.getMounts())),
        commandLine(job.getCommand(), job.getArgs()),
        CompatJson.text(job.getArgs()),
        job.getSlo() == Slo.GUARANTEED ? 1 : 0,
        status(job.getPhase()),
        Objects.requireNonNullElse(
            job.getReasonMessage(), Objects.requireNonNullElse(job.getReason(), "")),
        job.getAdmittedAt() == null ? "" : JobNames.clusterName(job),
        deleted(job),
        0,
        "",
        Objects.requireNonNullElse(job.getEstimatedSeconds(), 0L),
        "");
  }

  /** The v0.1.0 status of a phase; a cancelled job is a deleted task, which v0.1.0 never ran on. */
  public static String status(JobPhase phase) {
    return phase == JobPhase.CANCELLED ? JobPhase.FAILED.label() : phase.label();
  }

  /** The shell command of a v0.1.0 task, or the command line of a job submitted natively. */
  static String commandLine(List<String> command, List<String> args) {
    if (command.size() == SHELL.size() + 1 && command.subList(0, SHELL.size()).equals(SHELL)) {
      return command.get(SHELL.size());
    }
    return String.join(" ", Stream.concat(command.stream(), args.stream()).toList());
  }

  /** A task's resources as Kubernetes quantities: cpu, memory and GPUs always, zeros as "0". */
  static Map<String, String> resourceRequest(ResourceVector resources) {
    TreeSet<String> names = new TreeSet<>(SHOWN);
    names.addAll(resources.amounts().keySet());
    return quantities(names, resources);
  }

  private static Map<String, List<Map<String, String>>> shareDirs(List<JobMount> mounts) {
    Map<String, List<Map<String, String>>> dirs = new LinkedHashMap<>();
    for (JobMount mount : mounts) {
      dirs.computeIfAbsent(mount.pvc(), pvc -> new ArrayList<>())
          .add(
              Map.of(
                  "volume", mount.pvc(),
                  "mountPath", mount.mountPath(),
                  "subPath", Objects.requireNonNullElse(mount.subPath(), "")));
    }
    return dirs;
  }

  private static Instant lastChange(Job job) {
    return Stream.of(job.getFinishedAt(), job.getStartedAt(), job.getAdmittedAt())
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(job.getSubmittedAt());
  }

  private static long seconds(Instant from, Instant to) {
    return from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toSeconds());
  }

  /**
   * Counts by v0.1.0 status, in phase order, leaving out empty statuses and cancelled jobs (deleted
   * tasks; the counts are of jobs that are not archived).
   */
  public static TaskAnswers.Stats stats(Map<JobPhase, Long> counts) {
    return new TaskAnswers.Stats(
        counts.entrySet().stream()
            .filter(e -> e.getKey() != JobPhase.CANCELLED && e.getValue() > 0)
            .sorted(Map.Entry.comparingByKey())
            .map(e -> new TaskAnswers.StatusCount(e.getKey().label(), e.getValue()))
            .toList());
  }

  /** No filter: every job, archived ones included, newest first. */
  public static JobFilter everything() {
    return new JobFilter(null, null, null, null, null, false, true);
  }

  /** A user's v0.1.0 quota: their quota in the default account, or nothing outside it. */
  public static TaskAnswers.Quota quota(String user, List<MemberQuota> quotas) {
    MemberQuota quota =
        quotas.stream().filter(q -> Account.DEFAULT.equals(q.account())).findFirst().orElse(null);
    ResourceVector limit = quota == null ? ResourceVector.ZERO : quota.limit();
    ResourceVector used = quota == null ? ResourceVector.ZERO : quota.used();
    ResourceVector bestEffort = quota == null ? ResourceVector.ZERO : quota.bestEffortUsed();
    TreeSet<String> names = new TreeSet<>(limit.amounts().keySet());
    names.addAll(used.amounts().keySet());
    names.addAll(bestEffort.amounts().keySet());
    return new TaskAnswers.Quota(
        user, quantities(names, limit), quantities(names, used), quantities(names, bestEffort));
  }

  /** The vector as Kubernetes quantities over the given names, zeros included. */
  public static Map<String, String> quantities(Iterable<String> names, ResourceVector vector) {
    Map<String, String> out = new LinkedHashMap<>();
    names.forEach(name -> out.put(name, ResourceQuantities.format(name, vector.get(name))));
    return out;
  }
}
