package org.crater.k8s.kind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of job as the cluster runs it: whether it is a gang, the Volcano tasks its replicas
 * split into and the Volcano plugins they need, which task's pod is primary for logs, whether it is
 * interactive (a Service, a URL and a token for its owner), and the rules a submission of the kind
 * must follow. Each kind is one package under {@code org.crater.k8s.kind}, registered in {@link
 * WorkloadKinds}; the name is the one {@code JobKind} spells (docs/architecture.md, "Adding a job
 * kind"). Implementations are stateless and thread-safe.
 */
public interface WorkloadKind {

  /** The kind's name as the API and the database spell it, e.g. {@code BATCH}. */
  String name();

  /** The value of the kind label on the kind's objects, e.g. {@code batch}. */
  default String labelValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether a job of this kind may ask for more than one replica. */
  default boolean multiReplica() {
    return false;
  }

  /** The fewest replicas a job of this kind can run with. */
  default int minReplicas() {
    return 1;
  }

  /** Whether the job always runs as a Volcano gang, even with one replica. */
  default boolean gang() {
    return false;
  }

  /** The Volcano tasks {@code replicas} replicas split into, in order; none with zero replicas. */
  default List<VolcanoTask> tasks(int replicas) {
    return List.of(new VolcanoTask(VolcanoTask.WORKER, replicas));
  }

  /** The Volcano job plugins beyond {@code svc} and {@code env}, with their arguments. */
  default Map<String, List<String>> volcanoPlugins() {
    return Map.of();
  }

  /** The task whose completion completes the job (Volcano's TaskCompleted policy); empty: all. */
  default Optional<String> completingTask() {
    return Optional.empty();
  }

  /** The task whose pod's log is the job's log; empty when every pod is alike. */
  default Optional<String> primaryTask() {
    return Optional.empty();
  }

  /** How the owner reaches a running job of this kind; empty for jobs nobody opens. */
  default Optional<Interactive> interactive() {
    return Optional.empty();
  }

  /**
   * The environment that tells an interactive server the base URL it is published under (its
   * Ingress path, e.g. {@code /jupyter/crater-7-1/}), given the job's own environment (a variable
   * returned here replaces the job's own of that name); empty for servers that know no base URL.
   */
  default Map<String, String> baseUrlEnv(String basePath, Map<String, String> jobEnv) {
    return Map.of();
  }

  /** Environment variables this kind sets itself, with why a submission may not set them. */
  default Map<String, String> reservedEnv() {
    return Map.of();
  }

  /**
   * A Volcano task: its name (also the pod label {@code crater.io/task}) and its replicas.
   *
   * @param name task name
   * @param replicas how many pods of the task
   */
  record VolcanoTask(String name, int replicas) {

    /** The task name of plain workers. */
    public static final String WORKER = "worker";
  }

  /**
   * What an interactive job exposes: a named container port behind a Service (and an Ingress when
   * published), and the secret its server is opened with. Crater makes the secret at submission,
   * keeps it with the job and shows it, with the URL, to the job's owner only.
   *
   * @param portName container and Service port name
   * @param port container and Service port the server listens on
   * @param secretEnv environment variable the server reads its secret from
   * @param secretName what the owner is shown the secret as, e.g. {@code token} or {@code password}
   * @param urlParam the query parameter that carries the secret in the URL the owner opens; null
   *     when the owner types it into the server's login page instead
   * @param servedAtRoot true when the server knows no base URL (it serves at {@code /} with
   *     relative links), so its Ingress strips the path prefix; false when {@link
   *     WorkloadKind#baseUrlEnv} tells it the prefix
   */
  record Interactive(
      String portName,
      int port,
      String secretEnv,
      String secretName,
      String urlParam,
      boolean servedAtRoot) {}
}
