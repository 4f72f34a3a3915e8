package org.crater.sim.actor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.crater.sim.api.Json;
import org.crater.sim.api.Pods;

/**
 * Pod status shapes as a kubelet writes them, limited to fields the client models know (pitfall
 * "unknown fields" in docs/architecture.md): phase, IPs, start time, conditions and container
 * states.
 */
final class PodStatuses {
  private PodStatuses() {}

  static JsonObject running(JsonObject pod, String hostIp, String podIp) {
    JsonObject status = Json.child(pod, "status");
    String now = Json.now();
    status.addProperty("phase", "Running");
    status.addProperty("hostIP", hostIp);
    status.add("hostIPs", ips(hostIp));
    status.addProperty("podIP", podIp);
    status.add("podIPs", ips(podIp));
    status.addProperty("startTime", now);
    JsonArray conditions = new JsonArray();
    for (String type : new String[] {"PodScheduled", "Initialized", "ContainersReady", "Ready"}) {
      conditions.add(Pods.condition(type, "True", null, null));
    }
    status.add("conditions", conditions);
    JsonArray containers = new JsonArray();
    for (JsonElement c : Json.arr(pod, "spec.containers")) {
      JsonObject state = new JsonObject();
      JsonObject running = new JsonObject();
      running.addProperty("startedAt", now);
      state.add("running", running);
      containers.add(containerStatus(pod, c.getAsJsonObject(), state, true));
    }
    status.add("containerStatuses", containers);
    return pod;
  }

  static JsonObject terminated(JsonObject pod, int exitCode) {
    JsonObject status = Json.child(pod, "status");
    String now = Json.now();
    String started = Json.str(pod, "status.startTime");
    status.addProperty("phase", exitCode == 0 ? "Succeeded" : "Failed");
    Pods.setCondition(status, Pods.condition("Ready", "False", "PodCompleted", null));
    Pods.setCondition(status, Pods.condition("ContainersReady", "False", "PodCompleted", null));
    JsonArray containers = new JsonArray();
    for (JsonElement c : Json.arr(pod, "spec.containers")) {
      JsonObject terminated = new JsonObject();
      terminated.addProperty("exitCode", exitCode);
      terminated.addProperty("reason", exitCode == 0 ? "Completed" : "Error");
      terminated.addProperty("startedAt", started == null ? now : started);
      terminated.addProperty("finishedAt", now);
      JsonObject state = new JsonObject();
      state.add("terminated", terminated);
      containers.add(containerStatus(pod, c.getAsJsonObject(), state, false));
    }
    status.add("containerStatuses", containers);
    return pod;
  }

  private static JsonObject containerStatus(
      JsonObject pod, JsonObject container, JsonObject state, boolean ready) {
    String name = Json.str(container, "name");
    JsonObject s = new JsonObject();
    s.addProperty("name", name);
    s.addProperty("image", Json.str(container, "image"));
    s.addProperty("imageID", "sim://" + Json.str(container, "image"));
    s.addProperty("containerID", "containerd://" + Json.uid(pod).replace("-", "") + "-" + name);
    s.addProperty("ready", ready);
    s.addProperty("started", ready);
    s.addProperty("restartCount", 0);
    s.add("state", state);
    return s;
  }

  private static JsonArray ips(String ip) {
    JsonObject o = new JsonObject();
    o.addProperty("ip", ip);
    JsonArray a = new JsonArray();
    a.add(o);
    return a;
  }
}
