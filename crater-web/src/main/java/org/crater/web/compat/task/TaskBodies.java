package org.crater.web.compat.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the v0.1.0 task routes, keys as v0.1.0 declared them (any case binds). */
final class TaskBodies {

  private TaskBodies() {}

  /**
   * A task to create (v0.1.0's TaskAttr). Its owner comes from the token, never from the body;
   * v0.1.0's {@code args} map never reached the pod and is ignored.
   *
   * @param taskName a name to show
   * @param taskType training, debugging, inference or experiment
   * @param slo 1 for guaranteed (within quota), 0 for best effort (the default)
   * @param image the container image
   * @param resourceRequest Kubernetes quantities, e.g. {@code {cpu: "4", "nvidia.com/gpu": "1"}}
   * @param command a shell command, run as {@code /bin/bash -c <command>}
   * @param workingDir the working directory
   * @param shareDirs share dirs to mount, by claim name
   * @param estimatedTime the expected run time in seconds, 0 for unknown
   */
  @Schema(name = "V010CreateTask")
  record Create(
      @JsonProperty("taskName") @NotBlank @Size(max = 128) String taskName,
      @JsonProperty("taskType")
          @NotNull
          @Pattern(
              regexp = "(?i)training|debugging|inference|experiment",
              message = "must be training, debugging, inference or experiment")
          String taskType,
      @JsonProperty("slo") @Min(0) @Max(1) Integer slo,
      @JsonProperty("image") @NotBlank @Size(max = 512) String image,
      @JsonProperty("resourceRequest") @NotEmpty @Size(max = 16)
          Map<String, @NotNull String> resourceRequest,
      @JsonProperty("command") @NotBlank @Size(max = 4096) String command,
      @JsonProperty("workingDir") @Size(max = 1024) String workingDir,
      @JsonProperty("shareDirs") @Size(max = 16)
          Map<String, @NotNull @Size(max = 16) List<@Valid @NotNull DirMount>> shareDirs,
      @JsonProperty("estimatedTime") @Min(0) @Max(31_536_000) Long estimatedTime) {}

  /**
   * Where a share dir is mounted.
   *
   * @param volume unused, as in v0.1.0
   * @param mountPath where the task sees it
   * @param subPath the directory inside the share dir
   */
  @Schema(name = "V010DirMount")
  record DirMount(
      @JsonProperty("volume") String volume,
      @JsonProperty("mountPath") @NotBlank @Size(max = 1024) String mountPath,
      @JsonProperty("subPath") @Size(max = 1024) String subPath) {}

  /**
   * A task to delete; v0.1.0's hard delete ({@code forceDelete}) is a plain delete: the record
   * stays.
   *
   * @param taskID the task
   * @param forceDelete ignored
   */
  @Schema(name = "V010DeleteTask")
  record Delete(
      @JsonProperty("taskID") @NotNull Long taskID,
      @JsonProperty("forceDelete") Boolean forceDelete) {}

  /**
   * A new service level for a queued task.
   *
   * @param taskID the task
   * @param slo 1 for guaranteed, 0 (or absent, as in v0.1.0) for best effort
   */
  @Schema(name = "V010UpdateSlo")
  record UpdateSlo(
      @JsonProperty("taskID") @NotNull Long taskID,
      @JsonProperty("slo") @Min(0) @Max(1) Integer slo) {}
}
