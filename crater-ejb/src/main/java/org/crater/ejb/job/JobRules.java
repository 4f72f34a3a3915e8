package org.crater.ejb.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.crater.ejb.dataset.MountGrants;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobMount;
import org.crater.model.job.JobRequest;

/**
 * What a submission must satisfy beyond its syntax: a pullable image reference, a command, a sane
 * replica count for its kind, a GPU model the cluster has, usable environment names and mounts the
 * user may use. Pure: the known GPU models and the user's mountable datasets are passed in.
 */
public final class JobRules {

  public static final int MAX_REPLICAS = 64;

  /** Docker reference: [registry[:port]/]path[:tag][@digest], lower-case path components. */
  private static final Pattern IMAGE =
      Pattern.compile(
          "^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*"
              + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$");

  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private JobRules() {}

  /** Every broken rule, by field; empty when the job may be queued. */
  public static Map<String, String> check(
      JobRequest job, Set<String> gpuModels, MountGrants mountable) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (job.image() == null
        || job.image().length() > 512
        || !IMAGE.matcher(job.image()).matches()) {
      errors.put("image", "not an image reference (e.g. pytorch/pytorch:2.4.0-cuda12.1)");
    }
    if (job.command().isEmpty() || job.command().get(0).isBlank()) {
      errors.put("command", "must not be empty");
    }
    checkReplicas(job, errors);
    if (job.gpuModel() != null && !gpuModels.contains(job.gpuModel())) {
      errors.put(
          "gpuModel", "the cluster has no " + job.gpuModel() + " GPUs (it has " + gpuModels + ")");
    }
    job.env().keySet().stream()
        .filter(name -> !ENV.matcher(name).matches())
        .forEach(name -> errors.put("env." + name, "not a valid environment variable name"));
    for (int i = 0; i < job.mounts().size(); i++) {
      JobMount mount = job.mounts().get(i);
      String field = "mounts[" + i + "]";
      mountable
          .refusal(mount.pvc(), mount.subPath(), mount.readOnly())
          .ifPresent(reason -> errors.put(field, reason));
    }
    return errors;
  }

  private static void checkReplicas(JobRequest job, Map<String, String> errors) {
    if (job.replicas() > MAX_REPLICAS) {
      errors.put("replicas", "at most " + MAX_REPLICAS);
    } else if (job.kind() != JobKind.PYTORCH && job.replicas() != 1) {
      errors.put("replicas", job.kind() + " jobs run exactly one replica");
    }
  }
}
