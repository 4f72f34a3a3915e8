package org.crater.model.job;

import java.util.List;
import java.util.Map;
import org.crater.model.quota.ResourceVector;

/**
 * What a user asks to run, already validated: everything of a job that does not change as it runs.
 *
 * @param name the display name
 * @param kind batch, Jupyter or distributed PyTorch
 * @param taskType what the job is for
 * @param slo guaranteed or best effort
 * @param image the container image
 * @param command the entrypoint
 * @param args its arguments
 * @param env environment variables
 * @param workingDir the working directory, or {@code null}
 * @param resources per replica, canonical units
 * @param gpuModel the GPU model asked for, or {@code null} for any
 * @param replicas how many pods (all-or-nothing when more than one)
 * @param mounts datasets and share dirs
 * @param estimatedSeconds the user's estimate of the run time, or {@code null}
 */
public record JobRequest(
    String name,
    JobKind kind,
    TaskType taskType,
    Slo slo,
    String image,
    List<String> command,
    List<String> args,
    Map<String, String> env,
    String workingDir,
    ResourceVector resources,
    String gpuModel,
    int replicas,
    List<JobMount> mounts,
    Long estimatedSeconds) {

  public JobRequest {
    command = List.copyOf(command);
    args = args == null ? List.of() : List.copyOf(args);
    env = env == null ? Map.of() : Map.copyOf(env);
    mounts = mounts == null ? List.of() : List.copyOf(mounts);
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be at least 1");
    }
  }

  /** Everything the job holds while it runs: the per-replica resources times the replicas. */
  public ResourceVector total() {
    return resources.times(replicas);
  }
}
