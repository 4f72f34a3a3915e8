package org.crater.k8s.kind.pytorch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crater.k8s.kind.WorkloadKind;

/**
 * Distributed PyTorch: a Volcano gang of one {@code master} and {@code replicas - 1} {@code
 * worker}s; Volcano's {@code pytorch} plugin sets {@code MASTER_ADDR}, {@code MASTER_PORT}, {@code
 * WORLD_SIZE} and {@code RANK} in every pod. The master's log is the job's log.
 */
public final class PyTorchKind implements WorkloadKind {

  /** The task of the rank-0 pod. */
  public static final String MASTER = "master";

  /** The rendezvous port the plugin gives every pod. */
  public static final int PORT = 23456;

  @Override
  public String name() {
    return "PYTORCH";
  }

  @Override
  public boolean multiReplica() {
    return true;
  }

  @Override
  public boolean gang() {
    return true;
  }

  @Override
  public List<VolcanoTask> tasks(int replicas) {
    List<VolcanoTask> tasks = new ArrayList<>();
    tasks.add(new VolcanoTask(MASTER, 1));
    if (replicas > 1) {
      tasks.add(new VolcanoTask(VolcanoTask.WORKER, replicas - 1));
    }
    return tasks;
  }

  @Override
  public Map<String, List<String>> volcanoPlugins() {
    return Map.of(
        "pytorch",
        List.of("--master=" + MASTER, "--worker=" + VolcanoTask.WORKER, "--port=" + PORT));
  }

  @Override
  public Optional<String> primaryTask() {
    return Optional.of(MASTER);
  }
}
