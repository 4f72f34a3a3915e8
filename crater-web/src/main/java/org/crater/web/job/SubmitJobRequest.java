package org.crater.web.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.crater.model.job.JobKind;
import org.crater.model.job.Slo;
import org.crater.model.job.TaskType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A job to run.
 *
 * @param name a name to show
 * @param account the account to charge; {@code default} when absent
 * @param kind BATCH (one pod), JUPYTER (a notebook) or PYTORCH (a distributed gang)
 * @param taskType what it is for
 * @param slo GUARANTEED (within quota, never preempted) or BEST_EFFORT (may be preempted)
 * @param image the container image
 * @param command the entrypoint, e.g. {@code ["python", "train.py"]}
 * @param args its arguments
 * @param env environment variables
 * @param workingDir the working directory
 * @param resources per replica, as Kubernetes quantities
 * @param gpuModel the GPU model, e.g. {@code A100}; any when absent
 * @param replicas pods (PYTORCH only; others run one)
 * @param mounts datasets and share dirs to mount
 * @param estimatedSeconds how long you expect it to run
 */
@Schema(name = "SubmitJob")
public record SubmitJobRequest(
    @NotBlank @Size(max = 128) @Schema(example = "resnet50-imagenet") String name,
    @Size(max = 63) @Schema(example = "default") String account,
    @NotNull JobKind kind,
    @NotNull TaskType taskType,
    @NotNull Slo slo,
    @NotBlank @Size(max = 512) @Schema(example = "pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime")
        String image,
    @NotEmpty @Size(max = 64) @Schema(example = "[\"python\", \"train.py\"]")
        List<@NotNull @Size(max = 4096) String> command,
    @Size(max = 256) List<@NotNull @Size(max = 4096) String> args,
    @Size(max = 128) Map<String, @NotNull @Size(max = 4096) String> env,
    @Size(max = 1024) String workingDir,
    @NotEmpty
        @Size(max = 16)
        @Schema(example = "{\"cpu\": \"8\", \"memory\": \"32Gi\", \"nvidia.com/gpu\": \"2\"}")
        Map<String, String> resources,
    @Size(max = 64) @Schema(example = "A100") String gpuModel,
    @Min(1) @Max(64) Integer replicas,
    @Size(max = 16) List<@Valid @NotNull MountRequest> mounts,
    @Min(1) @Max(31_536_000) Long estimatedSeconds) {

  /**
   * A volume to mount.
   *
   * @param pvc the dataset's or share dir's claim
   * @param subPath the directory of the claim: the dataset's own or one inside it
   * @param mountPath where to see it
   * @param readOnly mount read-only; false when absent, and must be true for a read-only dataset
   */
  @Schema(name = "Mount")
  public record MountRequest(
      @NotBlank @Size(max = 253) String pvc,
      @Size(max = 1024) String subPath,
      @NotBlank @Size(max = 1024) String mountPath,
      Boolean readOnly) {}
}
