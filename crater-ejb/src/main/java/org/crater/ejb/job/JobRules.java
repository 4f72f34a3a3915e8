package org.crater.ejb.job;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.crater.ejb.dataset.MountGrants;
import org.crater.ejb.node.NodeShape;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.kind.WorkloadKind;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.pod.PodTemplates;
import org.crater.model.job.JobMount;
import org.crater.model.job.JobRequest;

/**
 * What a submission must satisfy beyond its syntax, so that everything Crater accepts can become a
 * pod the cluster takes: a pullable image reference, a command, a sane replica count for its kind,
 * a GPU model the cluster has, only resources Crater schedules and no more than some node could
 * ever hold, environment names that are not Crater's own, no NUL in what reaches the container, an
 * absolute clean working directory, and distinct, absolute mount paths inside datasets the user may
 * mount. Pure: the cluster's GPU models and nodes and the user's mountable datasets are passed in.
 */
public final class JobRules {

  public static final int MAX_REPLICAS = 64;

  /** The resources a job may ask for: what Crater schedules and its nodes advertise. */
  public static final Set<String> RESOURCES =
      Set.of("cpu", "memory", "ephemeral-storage", CraterLabels.GPU);

  /** Docker reference: [registry[:port]/]path[:tag][@digest], lower-case path components. */
  private static final Pattern IMAGE =
      Pattern.compile(
          "^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*"
              + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$");

  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private JobRules() {}

  /** Every broken rule, by field; empty when the job may be queued. */
  public static Map<String, String> check(
      JobRequest job, Set<String> gpuModels, List<NodeShape> nodes, MountGrants mountable) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (job.name().chars().anyMatch(Character::isISOControl)) {
      errors.put("name", "must not contain control characters");
    }
    if (job.image() == null
        || job.image().length() > 512
        || !IMAGE.matcher(job.image()).matches()) {
      errors.put("image", "not an image reference (e.g. pytorch/pytorch:2.4.0-cuda12.1)");
    }
    if (job.command().isEmpty() || job.command().get(0).isBlank()) {
      errors.put("command", "must not be empty");
    }
    noNul("command", job.command(), errors);
    noNul("args", job.args(), errors);
    if (job.workingDir() != null) {
      ContainerPaths.workingDirRefusal(job.workingDir())
          .ifPresent(reason -> errors.put("workingDir", reason));
    }
    checkReplicas(job, errors);
    if (job.gpuModel() != null && !gpuModels.contains(job.gpuModel())) {
      errors.put(
          "gpuModel", "the cluster has no " + job.gpuModel() + " GPUs (it has " + gpuModels + ")");
    }
    checkResources(job, nodes, errors);
    checkEnv(job, errors);
    checkMounts(job, mountable, errors);
    return errors;
  }

  private static void checkReplicas(JobRequest job, Map<String, String> errors) {
    WorkloadKind kind = WorkloadKinds.of(job.kind().name());
    if (job.replicas() > MAX_REPLICAS) {
      errors.put("replicas", "at most " + MAX_REPLICAS);
    } else if (!kind.multiReplica() && job.replicas() != 1) {
      errors.put("replicas", job.kind() + " jobs run exactly one replica");
    } else if (job.replicas() < kind.minReplicas()) {
      errors.put("replicas", job.kind() + " jobs run at least " + kind.minReplicas() + " replicas");
    }
  }

  private static void checkResources(
      JobRequest job, List<NodeShape> nodes, Map<String, String> errors) {
    boolean unknown = false;
    for (String name : job.resources().amounts().keySet()) {
      if (!RESOURCES.contains(name)) {
        unknown = true;
        errors.put("resources." + name, "not a resource Crater schedules (one of " + names() + ")");
      }
    }
    if (!unknown && !errors.containsKey("replicas")) {
      JobFit.check(job, nodes, errors);
    }
  }

  private static void checkEnv(JobRequest job, Map<String, String> errors) {
    Map<String, String> reserved = WorkloadKinds.of(job.kind().name()).reservedEnv();
    job.env()
        .forEach(
            (name, value) -> {
              String field = "env." + name;
              if (!ENV.matcher(name).matches()) {
                errors.put(field, "not a valid environment variable name");
              } else if (name.startsWith(PodTemplates.RESERVED_ENV_PREFIX)) {
                errors.put(
                    field,
                    "names starting with "
                        + PodTemplates.RESERVED_ENV_PREFIX
                        + " are Crater's own");
              } else if (reserved.containsKey(name)) {
                errors.put(field, reserved.get(name));
              } else if (value.indexOf('\0') >= 0) {
                errors.put(field, "must not contain NUL characters");
              }
            });
  }

  private static void checkMounts(
      JobRequest job, MountGrants mountable, Map<String, String> errors) {
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < job.mounts().size(); i++) {
      JobMount mount = job.mounts().get(i);
      String field = "mounts[" + i + "]";
      Optional<String> path = ContainerPaths.mountPathRefusal(mount.mountPath());
      if (path.isEmpty() && !paths.add(mount.mountPath())) {
        path = Optional.of("must differ from the other mounts' paths");
      }
      path.ifPresent(reason -> errors.put(field + ".mountPath", reason));
      mountable
          .refusal(mount.pvc(), mount.subPath(), mount.readOnly())
          .ifPresent(reason -> errors.put(field, reason));
    }
  }

  private static void noNul(String field, List<String> values, Map<String, String> errors) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).indexOf('\0') >= 0) {
        errors.put(field + "[" + i + "]", "must not contain NUL characters");
      }
    }
  }

  private static String names() {
    return String.join(", ", new TreeSet<>(RESOURCES));
  }
}
