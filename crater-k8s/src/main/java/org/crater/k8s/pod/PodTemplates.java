package org.crater.k8s.pod;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.workload.Mount;
import org.crater.k8s.workload.WorkloadKind;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * Builds the Pod of a single-replica job and the pod template of each Volcano task. Invariants:
 * restart policy Never, requests equal limits, {@code /dev/shm} is a memory emptyDir, the SLO's
 * priority class is set, and {@code kind}/{@code apiVersion} are always filled in (pitfall P2).
 */
public final class PodTemplates {

  public static final String MAIN_CONTAINER = "main";

  /** Environment names with this prefix are Crater's own ({@code CRATER_JOB_ID}, ...). */
  public static final String RESERVED_ENV_PREFIX = "CRATER_";

  /** Where a Jupyter job's notebook reads its token. */
  public static final String JUPYTER_TOKEN_ENV = "JUPYTER_TOKEN";

  static final String SHM_VOLUME = "dshm";

  private PodTemplates() {}

  /** The single Pod of a job that does not go through Volcano. */
  public static V1Pod pod(WorkloadSpec spec, WorkloadSettings settings) {
    V1PodTemplateSpec template = template(spec, settings, null);
    V1ObjectMeta meta = template.getMetadata();
    meta.name(spec.objectName()).namespace(settings.namespaceOf(spec));
    return new V1Pod().apiVersion("v1").kind("Pod").metadata(meta).spec(template.getSpec());
  }

  /**
   * A pod template for one replica; {@code task} is the Volcano task name, or null for a plain Pod.
   */
  public static V1PodTemplateSpec template(
      WorkloadSpec spec, WorkloadSettings settings, String task) {
    Map<String, String> labels = WorkloadNames.labels(spec);
    if (task != null) {
      labels.put(CraterLabels.TASK, task);
    }
    V1ObjectMeta meta = new V1ObjectMeta().labels(labels);
    if (!spec.annotations().isEmpty()) {
      meta.annotations(new LinkedHashMap<>(spec.annotations()));
    }
    V1PodSpec podSpec =
        new V1PodSpec()
            .restartPolicy("Never")
            .priorityClassName(spec.slo().priorityClassName())
            .containers(List.of(container(spec, settings)))
            .volumes(volumes(spec, settings));
    if (spec.gpuModel() != null && !spec.gpuModel().isBlank()) {
      podSpec.nodeSelector(Map.of(CraterLabels.GPU_PRODUCT, spec.gpuModel()));
    }
    return new V1PodTemplateSpec().metadata(meta).spec(podSpec);
  }

  private static V1Container container(WorkloadSpec spec, WorkloadSettings settings) {
    Map<String, Quantity> amounts = new LinkedHashMap<>();
    spec.resources().forEach((k, v) -> amounts.put(k, Quantity.fromString(v)));
    V1Container c =
        new V1Container()
            .name(MAIN_CONTAINER)
            .image(spec.image())
            .env(env(spec, settings))
            .resources(new V1ResourceRequirements().requests(amounts).limits(amounts))
            .volumeMounts(mounts(spec));
    if (!spec.command().isEmpty()) {
      c.command(new ArrayList<>(spec.command()));
    }
    if (!spec.args().isEmpty()) {
      c.args(new ArrayList<>(spec.args()));
    }
    if (spec.workingDir() != null && !spec.workingDir().isBlank()) {
      c.workingDir(spec.workingDir());
    }
    if (spec.kind() == WorkloadKind.JUPYTER) {
      c.ports(
          List.of(
              new V1ContainerPort()
                  .name("notebook")
                  .containerPort(WorkloadSettings.JUPYTER_PORT)
                  .protocol("TCP")));
    }
    return c;
  }

  private static List<V1EnvVar> env(WorkloadSpec spec, WorkloadSettings settings) {
    List<V1EnvVar> env = new ArrayList<>();
    spec.env().forEach((k, v) -> env.add(new V1EnvVar().name(k).value(v)));
    env.add(new V1EnvVar().name(RESERVED_ENV_PREFIX + "JOB_ID").value(Long.toString(spec.jobId())));
    env.add(
        new V1EnvVar()
            .name(RESERVED_ENV_PREFIX + "ATTEMPT")
            .value(Integer.toString(spec.attempt())));
    if (spec.kind() == WorkloadKind.JUPYTER) {
      // jupyter docker-stacks images read the token from this variable.
      env.add(new V1EnvVar().name(JUPYTER_TOKEN_ENV).value(settings.jupyterToken(spec)));
    }
    return env;
  }

  private static List<V1VolumeMount> mounts(WorkloadSpec spec) {
    List<V1VolumeMount> mounts = new ArrayList<>();
    mounts.add(new V1VolumeMount().name(SHM_VOLUME).mountPath("/dev/shm"));
    for (int i = 0; i < spec.mounts().size(); i++) {
      Mount m = spec.mounts().get(i);
      V1VolumeMount vm =
          new V1VolumeMount().name(volumeName(i)).mountPath(m.mountPath()).readOnly(m.readOnly());
      if (!m.subPath().isEmpty()) {
        vm.subPath(m.subPath());
      }
      mounts.add(vm);
    }
    return mounts;
  }

  private static List<V1Volume> volumes(WorkloadSpec spec, WorkloadSettings settings) {
    List<V1Volume> volumes = new ArrayList<>();
    V1EmptyDirVolumeSource shm = new V1EmptyDirVolumeSource().medium("Memory");
    if (settings.shmSizeLimit() != null) {
      shm.sizeLimit(Quantity.fromString(settings.shmSizeLimit()));
    }
    volumes.add(new V1Volume().name(SHM_VOLUME).emptyDir(shm));
    for (int i = 0; i < spec.mounts().size(); i++) {
      Mount m = spec.mounts().get(i);
      volumes.add(
          new V1Volume()
              .name(volumeName(i))
              .persistentVolumeClaim(
                  new V1PersistentVolumeClaimVolumeSource()
                      .claimName(m.pvc())
                      .readOnly(m.readOnly())));
    }
    return volumes;
  }

  private static String volumeName(int index) {
    return "data-" + index;
  }
}
