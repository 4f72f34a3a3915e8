package org.crater.k8s.kind.tensorflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crater.k8s.kind.WorkloadKind;

/**
 * Distributed TensorFlow: a Volcano gang of one parameter server ({@code ps}) and {@code replicas -
 * 1} {@code worker}s. Volcano's {@code tensorflow} plugin gives every pod its own {@code TF_CONFIG}
 * (the cluster's {@code ps} and {@code worker} addresses and the pod's task type and index); the
 * first worker is the chief, and its log is the job's log.
 */
public final class TensorFlowKind implements WorkloadKind {

  /** The parameter servers' task. */
  public static final String PS = "ps";

  /** The port every pod of the cluster listens on for the others. */
  public static final int PORT = 2222;

  @Override
  public String name() {
    return "TENSORFLOW";
  }

  @Override
  public boolean multiReplica() {
    return true;
  }

  @Override
  public int minReplicas() {
    return 2;
  }

  @Override
  public boolean gang() {
    return true;
  }

  @Override
  public List<VolcanoTask> tasks(int replicas) {
    return List.of(
        new VolcanoTask(PS, 1), new VolcanoTask(VolcanoTask.WORKER, Math.max(1, replicas - 1)));
  }

  @Override
  public Map<String, List<String>> volcanoPlugins() {
    return Map.of(
        "tensorflow", List.of("--ps=" + PS, "--worker=" + VolcanoTask.WORKER, "--port=" + PORT));
  }

  /** Parameter servers serve until the workers are done: the workers' completion ends the job. */
  @Override
  public Optional<String> completingTask() {
    return Optional.of(VolcanoTask.WORKER);
  }

  @Override
  public Optional<String> primaryTask() {
    return Optional.of(VolcanoTask.WORKER);
  }

  @Override
  public Map<String, String> reservedEnv() {
    return Map.of("TF_CONFIG", "Crater sets TF_CONFIG of TensorFlow jobs itself (per pod)");
  }
}
