package org.crater.k8s.pod;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1NodeAffinity;
import io.kubernetes.client.openapi.models.V1NodeSelector;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.workload.Mount;
import org.crater.k8s.workload.NodeLossPolicy;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;

/**
 * Builds the Pod of a single-replica job and the pod template of each Volcano task. Invariants:
 * restart policy Never, requests equal limits, {@code /dev/shm} is a memory emptyDir, the SLO's
 * priority class is set, {@code kind}/{@code apiVersion} are always filled in (pitfall "kind and
 * apiVersion" in docs/architecture.md), the pod tolerates node loss for the configured time only
 * ({@link NodeLossPolicy}), and {@code overhead} is never sent: client-java starts every collection
 * empty, and the API server's RuntimeClass admission refuses a pod with {@code "overhead": {}} and
 * no RuntimeClass (docs/real-control-plane.md).
 */
public final class PodTemplates {

  public static final String MAIN_CONTAINER = "main";

  /**
   * The base URL (e.g. {@code /jupyter/crater-7-1/}) in the pod of a published interactive job, for
   * a command of the job's own.
   */
  public static final String BASE_URL_ENV = "CRATER_NOTEBOOK_BASE_URL";

  /** Environment names with this prefix are Crater's own ({@code CRATER_JOB_ID}, ...). */
  public static final String RESERVED_ENV_PREFIX = "CRATER_";

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
            .volumes(volumes(spec, settings))
            .tolerations(tolerations(settings.nodeLoss()))
            .overhead(null);
    if (spec.gpuModel() != null && !spec.gpuModel().isBlank()) {
      podSpec.nodeSelector(Map.of(CraterLabels.GPU_PRODUCT, spec.gpuModel()));
    }
    if (!spec.avoidNodes().isEmpty()) {
      podSpec.affinity(awayFrom(spec.avoidNodes()));
    }
    return new V1PodTemplateSpec().metadata(meta).spec(podSpec);
  }

  /** NoExecute tolerations of a node gone not-ready or unreachable, for a bounded time. */
  static List<V1Toleration> tolerations(NodeLossPolicy policy) {
    return List.of(
        noExecute(NodeLossPolicy.NOT_READY_TAINT, policy.notReadySeconds()),
        noExecute(NodeLossPolicy.UNREACHABLE_TAINT, policy.unreachableSeconds()));
  }

  private static V1Toleration noExecute(String taint, long seconds) {
    return new V1Toleration()
        .key(taint)
        .operator("Exists")
        .effect("NoExecute")
        .tolerationSeconds(seconds);
  }

  /** A required node affinity that keeps the pod off these nodes (by node name). */
  private static V1Affinity awayFrom(List<String> nodes) {
    return new V1Affinity()
        .nodeAffinity(
            new V1NodeAffinity()
                .requiredDuringSchedulingIgnoredDuringExecution(
                    new V1NodeSelector()
                        .nodeSelectorTerms(
                            List.of(
                                new V1NodeSelectorTerm()
                                    .matchFields(
                                        List.of(
                                            new V1NodeSelectorRequirement()
                                                .key("metadata.name")
                                                .operator("NotIn")
                                                .values(new ArrayList<>(nodes))))))));
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
    spec.kind()
        .interactive()
        .ifPresent(
            i ->
                c.ports(
                    List.of(
                        new V1ContainerPort()
                            .name(i.portName())
                            .containerPort(i.port())
                            .protocol("TCP"))));
    return c;
  }

  private static List<V1EnvVar> env(WorkloadSpec spec, WorkloadSettings settings) {
    boolean published = spec.kind().interactive().isPresent() && settings.notebooks().enabled();
    Map<String, String> baseUrl = published ? baseUrlEnv(spec, settings) : Map.of();
    List<V1EnvVar> env = new ArrayList<>();
    spec.env().entrySet().stream()
        .filter(e -> !baseUrl.containsKey(e.getKey())) // the kind's own value replaces it below
        .forEach(e -> env.add(new V1EnvVar().name(e.getKey()).value(e.getValue())));
    env.add(new V1EnvVar().name(RESERVED_ENV_PREFIX + "JOB_ID").value(Long.toString(spec.jobId())));
    env.add(
        new V1EnvVar()
            .name(RESERVED_ENV_PREFIX + "ATTEMPT")
            .value(Integer.toString(spec.attempt())));
    spec.kind()
        .interactive()
        .ifPresent(
            i -> env.add(new V1EnvVar().name(i.secretEnv()).value(settings.accessSecret(spec))));
    baseUrl.forEach((name, value) -> env.add(new V1EnvVar().name(name).value(value)));
    return env;
  }

  /** Crater's base URL variable followed by the ones the kind's server reads. */
  private static Map<String, String> baseUrlEnv(WorkloadSpec spec, WorkloadSettings settings) {
    String basePath = settings.notebookBasePath(spec);
    Map<String, String> env = new LinkedHashMap<>();
    env.put(BASE_URL_ENV, basePath);
    env.putAll(spec.kind().baseUrlEnv(basePath, spec.env()));
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
