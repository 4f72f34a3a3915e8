package org.crater.sim.actor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crater.sim.api.Json;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.Store;

/**
 * Creates the simulated GPU nodes and changes their health for failure tests. Nodes advertise
 * {@code nvidia.com/gpu} and a per-model resource such as {@code nvidia.com/a100}.
 */
public final class NodeSim {
  private final Store store;
  private final List<NodePool> pools;
  private final int podsPerNode;

  public NodeSim(Store store, List<NodePool> pools, int podsPerNode) {
    this.store = store;
    this.pools = List.copyOf(pools);
    this.podsPerNode = podsPerNode;
  }

  /** Creates every configured node and returns their names. */
  public List<String> createNodes() {
    List<String> names = new ArrayList<>();
    for (NodePool pool : pools) {
      names.addAll(addNodes(pool));
    }
    return names;
  }

  /** Creates the nodes of one more pool, numbered after the existing nodes of its model. */
  public List<String> addNodes(NodePool pool) {
    String prefix = pool.model().toLowerCase(Locale.ROOT) + "-node-";
    int next = 0;
    while (store.find(ResourceRegistry.NODES, null, prefix + next).isPresent()) {
      next++;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < pool.count(); i++) {
      String name = prefix + (next + i);
      store.create(
          ResourceRegistry.NODES, null, node(name, pool, store.count(ResourceRegistry.NODES)));
      names.add(name);
    }
    return names;
  }

  private JsonObject node(String name, NodePool pool, int index) {
    JsonObject labels = new JsonObject();
    labels.addProperty("kubernetes.io/hostname", name);
    labels.addProperty("kubernetes.io/os", "linux");
    labels.addProperty("kubernetes.io/arch", "amd64");
    labels.addProperty("nvidia.com/gpu.product", pool.model());
    labels.addProperty("nvidia.com/gpu.count", Integer.toString(pool.gpus()));
    labels.addProperty("nvidia.com/gpu.present", "true");
    JsonObject meta = new JsonObject();
    meta.addProperty("name", name);
    meta.add("labels", labels);
    JsonObject spec = new JsonObject();
    spec.addProperty("podCIDR", "10.244." + (index % 250) + ".0/24");
    JsonObject status = new JsonObject();
    status.add("capacity", resources(pool));
    status.add("allocatable", resources(pool));
    status.add("conditions", conditions(true));
    status.add("addresses", addresses(name, index));
    status.add("nodeInfo", nodeInfo(name));
    JsonObject node = new JsonObject();
    node.add("metadata", meta);
    node.add("spec", spec);
    node.add("status", status);
    return node;
  }

  private JsonObject resources(NodePool pool) {
    JsonObject r = new JsonObject();
    r.addProperty("cpu", pool.cpu());
    r.addProperty("memory", pool.memory());
    r.addProperty("pods", Integer.toString(podsPerNode));
    r.addProperty("ephemeral-storage", "1Ti");
    r.addProperty("nvidia.com/gpu", Integer.toString(pool.gpus()));
    r.addProperty(pool.modelResource(), Integer.toString(pool.gpus()));
    return r;
  }

  private static JsonArray conditions(boolean ready) {
    JsonArray list = new JsonArray();
    String now = Json.now();
    for (String type : new String[] {"MemoryPressure", "DiskPressure", "PIDPressure"}) {
      list.add(condition(type, "False", "KubeletHas" + "Sufficient" + type, now));
    }
    list.add(
        ready
            ? condition("Ready", "True", "KubeletReady", now)
            : condition("Ready", "False", "KubeletNotReady", now));
    return list;
  }

  private static JsonObject condition(String type, String status, String reason, String now) {
    JsonObject c = new JsonObject();
    c.addProperty("type", type);
    c.addProperty("status", status);
    c.addProperty("reason", reason);
    c.addProperty(
        "message",
        type.equals("Ready") && status.equals("True")
            ? "kubelet is posting ready status"
            : type + " is " + status);
    c.addProperty("lastHeartbeatTime", now);
    c.addProperty("lastTransitionTime", now);
    return c;
  }

  private static JsonArray addresses(String name, int index) {
    JsonArray list = new JsonArray();
    JsonObject ip = new JsonObject();
    ip.addProperty("type", "InternalIP");
    ip.addProperty("address", "10.0." + (index / 250) + "." + (index % 250 + 1));
    JsonObject host = new JsonObject();
    host.addProperty("type", "Hostname");
    host.addProperty("address", name);
    list.add(ip);
    list.add(host);
    return list;
  }

  private static JsonObject nodeInfo(String name) {
    JsonObject info = new JsonObject();
    info.addProperty("machineID", Integer.toHexString(name.hashCode()));
    info.addProperty("systemUUID", java.util.UUID.nameUUIDFromBytes(name.getBytes()).toString());
    info.addProperty(
        "bootID", java.util.UUID.nameUUIDFromBytes(("boot-" + name).getBytes()).toString());
    info.addProperty("kernelVersion", "6.1.0-crater-sim");
    info.addProperty("osImage", "Crater simulated node");
    info.addProperty("containerRuntimeVersion", "containerd://1.7.0");
    info.addProperty("kubeletVersion", "v1.34.0-crater-sim");
    info.addProperty("kubeProxyVersion", "v1.34.0-crater-sim");
    info.addProperty("operatingSystem", "linux");
    info.addProperty("architecture", "amd64");
    return info;
  }

  /** Sets the node's Ready condition; the kubelet fails the pods of a node that is not ready. */
  public void setReady(String name, boolean ready) {
    store.modify(
        ResourceRegistry.NODES,
        null,
        name,
        node -> {
          JsonArray updated = new JsonArray();
          for (JsonElement c : conditions(ready)) {
            updated.add(c);
          }
          Json.child(node, "status").add("conditions", updated);
          return node;
        },
        true);
  }

  /** Whether a node object reports Ready=True. */
  public static boolean isReady(JsonObject node) {
    for (JsonElement c : Json.arr(node, "status.conditions")) {
      JsonObject condition = c.getAsJsonObject();
      if ("Ready".equals(Json.str(condition, "type"))) {
        return "True".equals(Json.str(condition, "status"));
      }
    }
    return false;
  }
}
