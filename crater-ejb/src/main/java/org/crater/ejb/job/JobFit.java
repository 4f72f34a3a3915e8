package org.crater.ejb.job;

import java.util.List;
import java.util.Map;
import org.crater.ejb.node.NodeShape;
import org.crater.ejb.quota.ResourceQuantities;
import org.crater.k8s.common.CraterLabels;
import org.crater.model.job.JobRequest;
import org.crater.model.quota.ResourceVector;

/**
 * Whether a job could ever run on the cluster's nodes, even all empty: each replica must fit on one
 * node that may host it (of its GPU model, any GPU node for GPU work, any node otherwise), and all
 * replicas at once on those nodes together. Pure; nodes that are down count, since they may come
 * back. Without a cluster view (no nodes) nothing is refused here.
 */
final class JobFit {

  private JobFit() {}

  /** Adds why the job could never run, by field, to {@code errors}. */
  static void check(JobRequest job, List<NodeShape> nodes, Map<String, String> errors) {
    if (nodes.isEmpty()) {
      return;
    }
    ResourceVector perReplica = job.resources();
    String model = job.gpuModel();
    List<NodeShape> hosts = nodes.stream().filter(n -> n.hosts(model, perReplica)).toList();
    if (hosts.isEmpty()) {
      if (model == null) {
        errors.put("resources." + CraterLabels.GPU, "the cluster has no GPU nodes");
      }
      return; // an unknown model is refused under gpuModel
    }
    String where = model == null ? "" : model + " ";
    if (!checkEachResource(perReplica, hosts, where, errors)) {
      checkReplicas(job.replicas(), perReplica, hosts, where, errors);
    }
  }

  /** Names each resource of which one replica needs more than any host has; true if any. */
  private static boolean checkEachResource(
      ResourceVector perReplica, List<NodeShape> hosts, String where, Map<String, String> errors) {
    boolean named = false;
    for (var need : perReplica.amounts().entrySet()) {
      long most = hosts.stream().mapToLong(n -> n.allocatable().get(need.getKey())).max().orElse(0);
      if (need.getValue() > most) {
        named = true;
        errors.put(
            "resources." + need.getKey(),
            "more than any "
                + where
                + "node has (at most "
                + ResourceQuantities.format(need.getKey(), most)
                + ")");
      }
    }
    return named;
  }

  /**
   * Whether one replica fits a host with all of it at once, and all replicas the hosts together.
   */
  private static void checkReplicas(
      int replicas,
      ResourceVector perReplica,
      List<NodeShape> hosts,
      String where,
      Map<String, String> errors) {
    long copies = 0;
    for (NodeShape node : hosts) {
      copies = Math.min(Integer.MAX_VALUE, copies + node.copiesOf(perReplica));
    }
    if (copies == 0) {
      errors.put("resources", "no single " + where + "node has all of it at once");
    } else if (copies < replicas) {
      errors.put(
          "replicas",
          "the cluster's "
              + where
              + "nodes could hold at most "
              + copies
              + " replicas of this size at once");
    }
  }
}
