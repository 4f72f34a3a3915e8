package org.crater.web.compat.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A task as v0.1.0 showed it (its AITask row). Timestamps that are not reached yet are {@code
 * null}, as in v0.1.0; {@code resourceRequest}, {@code shareDirs} and {@code args} hold JSON text.
 *
 * @param id the task id, which is the job id
 * @param taskName its name
 * @param userName its owner
 * @param nameSpace the namespace its pods run in
 * @param taskType training, debugging, inference or experiment
 * @param createdAt when it was submitted
 * @param updatedAt when it last changed phase
 * @param admittedAt when it was admitted
 * @param startedAt when it started running
 * @param finishAt when it ended
 * @param duration seconds it ran, once ended
 * @param jct seconds from submission to its end, once ended
 * @param image the container image
 * @param resourceRequest its resources as JSON text, e.g. {@code {"cpu":"4","memory":"16Gi"}}
 * @param workingDir the working directory, or empty
 * @param shareDirs its mounts as JSON text: claim name to {@code [{volume, mountPath, subPath}]}
 * @param command the shell command (or the command line of a job submitted natively)
 * @param args its arguments as JSON text
 * @param slo 1 guaranteed, 0 best effort
 * @param status Queueing, Created, Pending, Running, Preempted, Succeeded or Failed
 * @param statusReason why it is in that status
 * @param jobName its cluster object, once admitted
 * @param isDeleted whether it was deleted (its job archived or cancelled)
 * @param profileStatus always 0 (not profiled): Crater does not profile tasks
 * @param profileStat always empty
 * @param estimatedTime the expected run time in seconds, 0 for unknown
 * @param scheduleInfo always empty
 */
@Schema(name = "V010Task")
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "id",
  "taskName",
  "userName",
  "nameSpace",
  "taskType",
  "createdAt",
  "updatedAt",
  "admittedAt",
  "startedAt",
  "finishAt",
  "duration",
  "jct",
  "image",
  "resourceRequest",
  "workingDir",
  "shareDirs",
  "command",
  "args",
  "slo",
  "status",
  "statusReason",
  "jobName",
  "isDeleted",
  "profileStatus",
  "profileStat",
  "estimatedTime",
  "scheduleInfo"
})
public record TaskView(
    long id,
    String taskName,
    String userName,
    String nameSpace,
    String taskType,
    Instant createdAt,
    Instant updatedAt,
    Instant admittedAt,
    Instant startedAt,
    Instant finishAt,
    long duration,
    long jct,
    String image,
    String resourceRequest,
    String workingDir,
    String shareDirs,
    String command,
    String args,
    int slo,
    String status,
    String statusReason,
    String jobName,
    boolean isDeleted,
    int profileStatus,
    String profileStat,
    long estimatedTime,
    String scheduleInfo) {}
