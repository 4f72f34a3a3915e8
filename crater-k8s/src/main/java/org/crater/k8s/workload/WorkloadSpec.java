package org.crater.k8s.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crater.k8s.kind.WorkloadKind;
import org.crater.k8s.kind.WorkloadKinds;

/**
 * Everything the adapter needs to create one attempt of a job on the cluster. Immutable;
 * collections are copied and never null. Resources are per replica, as Kubernetes quantity strings
 * ({@code cpu "4"}, {@code memory "16Gi"}, {@code nvidia.com/gpu "2"}); requests equal limits.
 *
 * @param jobId the job's database id, positive
 * @param attempt the attempt number, incremented on every requeue
 * @param user owner's username (a DNS-1123 label)
 * @param account account (project) name; also the Volcano queue
 * @param slo guaranteed or best effort
 * @param kind batch, Jupyter or PyTorch gang
 * @param image container image
 * @param command entrypoint override, empty for the image default
 * @param args arguments
 * @param env environment variables
 * @param workingDir working directory, null for the image default
 * @param replicas total pods, at least 1
 * @param resources per-replica resources as quantity strings
 * @param gpuModel value of {@code nvidia.com/gpu.product} the pods must run on, null for any
 * @param mounts volumes to mount
 * @param namespace target namespace, null for the configured default
 * @param annotations runtime hints copied onto the objects (e.g. simulator run time)
 * @param accessSecret the secret of an interactive job (notebook token, WebIDE password); null lets
 *     the adapter derive one from its secret
 * @param avoidNodes nodes its pods must not be placed on (kept for other jobs)
 */
public record WorkloadSpec(
    long jobId,
    int attempt,
    String user,
    String account,
    Slo slo,
    WorkloadKind kind,
    String image,
    List<String> command,
    List<String> args,
    Map<String, String> env,
    String workingDir,
    int replicas,
    Map<String, String> resources,
    String gpuModel,
    List<Mount> mounts,
    String namespace,
    Map<String, String> annotations,
    String accessSecret,
    List<String> avoidNodes) {

  /** Names the job, its attempt and its kind; never the secret. */
  @Override
  public String toString() {
    return "WorkloadSpec[jobId="
        + jobId
        + ", attempt="
        + attempt
        + ", kind="
        + (kind == null ? null : kind.name())
        + "]";
  }

  /** Validates identity fields and copies every collection. */
  public WorkloadSpec {
    if (jobId <= 0) {
      throw new IllegalArgumentException("jobId must be positive: " + jobId);
    }
    if (attempt < 0 || replicas < 1) {
      throw new IllegalArgumentException("attempt >= 0 and replicas >= 1 required");
    }
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(image, "image");
    command = command == null ? List.of() : List.copyOf(command);
    args = args == null ? List.of() : List.copyOf(args);
    env = copy(env);
    resources = copy(resources);
    mounts = mounts == null ? List.of() : List.copyOf(mounts);
    annotations = copy(annotations);
    avoidNodes = avoidNodes == null ? List.of() : List.copyOf(avoidNodes);
  }

  /** The same attempt, kept off these nodes (reserved for other jobs). */
  public WorkloadSpec avoiding(java.util.Collection<String> nodes) {
    return new WorkloadSpec(
        jobId,
        attempt,
        user,
        account,
        slo,
        kind,
        image,
        command,
        args,
        env,
        workingDir,
        replicas,
        resources,
        gpuModel,
        mounts,
        namespace,
        annotations,
        accessSecret,
        List.copyOf(new java.util.TreeSet<>(nodes)));
  }

  /** A builder with {@code BATCH}, {@code BEST_EFFORT}, attempt 1 and one replica preset. */
  public static Builder builder() {
    return new Builder();
  }

  /** The deterministic object name {@code crater-<jobId>-<attempt>}. */
  public String objectName() {
    return WorkloadNames.objectName(jobId, attempt);
  }

  /** A builder preset with this spec's values. */
  public Builder toBuilder() {
    Builder b = new Builder().jobId(jobId).attempt(attempt).user(user).account(account);
    b.slo(slo).kind(kind).image(image).command(command).args(args).env(env);
    b.workingDir(workingDir).replicas(replicas).resources(resources).gpuModel(gpuModel);
    return b.mounts(mounts)
        .namespace(namespace)
        .annotations(annotations)
        .accessSecret(accessSecret);
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** Fluent builder, mainly for tests and the EJB mapping code. */
  public static final class Builder {
    private long jobId;
    private int attempt = 1;
    private String user;
    private String account = "default";
    private Slo slo = Slo.BEST_EFFORT;
    private WorkloadKind kind = WorkloadKinds.BATCH;
    private String image;
    private List<String> command = List.of();
    private List<String> args = List.of();
    private Map<String, String> env = new LinkedHashMap<>();
    private String workingDir;
    private int replicas = 1;
    private Map<String, String> resources = new LinkedHashMap<>();
    private String gpuModel;
    private List<Mount> mounts = new ArrayList<>();
    private String namespace;
    private Map<String, String> annotations = new LinkedHashMap<>();
    private String accessSecret;

    public Builder jobId(long v) {
      jobId = v;
      return this;
    }

    public Builder attempt(int v) {
      attempt = v;
      return this;
    }

    public Builder user(String v) {
      user = v;
      return this;
    }

    public Builder account(String v) {
      account = v;
      return this;
    }

    public Builder slo(Slo v) {
      slo = v;
      return this;
    }

    public Builder kind(WorkloadKind v) {
      kind = v;
      return this;
    }

    public Builder image(String v) {
      image = v;
      return this;
    }

    public Builder command(List<String> v) {
      command = v;
      return this;
    }

    public Builder args(List<String> v) {
      args = v;
      return this;
    }

    public Builder env(Map<String, String> v) {
      env = new LinkedHashMap<>(v);
      return this;
    }

    public Builder workingDir(String v) {
      workingDir = v;
      return this;
    }

    public Builder replicas(int v) {
      replicas = v;
      return this;
    }

    public Builder resources(Map<String, String> v) {
      resources = new LinkedHashMap<>(v);
      return this;
    }

    public Builder resource(String name, String quantity) {
      resources.put(name, quantity);
      return this;
    }

    public Builder gpuModel(String v) {
      gpuModel = v;
      return this;
    }

    public Builder mounts(List<Mount> v) {
      mounts = new ArrayList<>(v);
      return this;
    }

    public Builder mount(Mount v) {
      mounts.add(v);
      return this;
    }

    public Builder namespace(String v) {
      namespace = v;
      return this;
    }

    public Builder annotations(Map<String, String> v) {
      annotations = new LinkedHashMap<>(v);
      return this;
    }

    public Builder annotation(String key, String value) {
      annotations.put(key, value);
      return this;
    }

    public Builder accessSecret(String v) {
      accessSecret = v;
      return this;
    }

    public WorkloadSpec build() {
      return new WorkloadSpec(
          jobId,
          attempt,
          user,
          account,
          slo,
          kind,
          image,
          command,
          args,
          env,
          workingDir,
          replicas,
          resources,
          gpuModel,
          mounts,
          namespace,
          annotations,
          accessSecret,
          List.of());
    }
  }
}
