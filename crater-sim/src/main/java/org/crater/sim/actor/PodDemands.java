package org.crater.sim.actor;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.crater.sim.api.Json;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.Store;

/**
 * What a pod asks of the scheduler: its requests (parsed once per pod), its priority, the size of
 * its gang, and the shape that pods which fit or fail alike share.
 */
final class PodDemands {

  private final Store store;
  private final Map<String, ResourceVector> requests = new HashMap<>();

  PodDemands(Store store) {
    this.store = store;
  }

  /** True when the pod's requests parse (the API server rejects the others on create). */
  boolean parse(JsonObject pod) {
    try {
      placed(pod);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Forgets the requests of a pod that is gone. */
  void forget(JsonObject pod) {
    requests.remove(Json.uid(pod));
  }

  /** The pod with its requests and priority, as placed on a node. */
  ClusterSnapshot.Placed placed(JsonObject pod) {
    ResourceVector r =
        requests.computeIfAbsent(Json.uid(pod), uid -> ResourceVector.requestsOf(pod));
    return new ClusterSnapshot.Placed(pod, r, priority(pod));
  }

  /** The pod's priority: its own, else its PriorityClass's value, else 0. */
  int priority(JsonObject pod) {
    if (Json.at(pod, "spec.priority") != null) {
      return (int) Json.num(pod, "spec.priority", 0);
    }
    String className = Json.str(pod, "spec.priorityClassName");
    if (className == null) {
      return 0;
    }
    return store
        .find(ResourceRegistry.PRIORITY_CLASSES, null, className)
        .map(pc -> (int) Json.num(pc, "value", 0))
        .orElse(0);
  }

  /**
   * How many members of the gang {@code ns/name} must be placed together: its PodGroup's minMember,
   * else its Volcano job's minAvailable, else 1.
   */
  int minMember(String gangKey) {
    int slash = gangKey.indexOf('/');
    String ns = gangKey.substring(0, slash);
    String name = gangKey.substring(slash + 1);
    return store
        .find(ResourceRegistry.POD_GROUPS, ns, name)
        .map(pg -> (int) Json.num(pg, "spec.minMember", 1))
        .or(
            () ->
                store
                    .find(ResourceRegistry.VC_JOBS, ns, name)
                    .map(job -> (int) Json.num(job, "spec.minAvailable", 1)))
        .orElse(1);
  }

  /** Pods of one shape fit or fail alike: requests, node selector, priority, preemption policy. */
  String shape(JsonObject pod) {
    return placed(pod).requests()
        + "|"
        + Json.obj(pod, "spec.nodeSelector")
        + "|"
        + priority(pod)
        + "|"
        + Json.str(pod, "spec.preemptionPolicy");
  }
}
