package org.crater.sim;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Toleration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small builder of test pods: {@code TestPods.aPod("p").gpus(2).runMs(100).build()}. */
public final class TestPods {
  private final String name;
  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, String> annotations = new HashMap<>();
  private final Map<String, Quantity> limits = new HashMap<>();
  private final Map<String, String> nodeSelector = new HashMap<>();
  private String schedulerName;
  private Integer priority;
  private String priorityClassName;
  private final List<V1Toleration> tolerations = new ArrayList<>();
  private final List<V1EnvVar> env = new ArrayList<>();

  private TestPods(String name) {
    this.name = name;
  }

  public static TestPods aPod(String name) {
    return new TestPods(name);
  }

  public TestPods label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  public TestPods annotation(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  public TestPods gpus(int gpus) {
    limits.put("nvidia.com/gpu", new Quantity(Integer.toString(gpus)));
    return this;
  }

  public TestPods resource(String resource, String amount) {
    limits.put(resource, new Quantity(amount));
    return this;
  }

  public TestPods runMs(long ms) {
    return annotation("sim.crater.io/run-ms", Long.toString(ms));
  }

  public TestPods exitCode(int code) {
    return annotation("sim.crater.io/exit-code", Integer.toString(code));
  }

  /** Sets the environment variable {@code name} of the pod's container. */
  public TestPods env(String name, String value) {
    env.add(new V1EnvVar().name(name).value(value));
    return this;
  }

  public TestPods gang(String group) {
    return annotation("scheduling.k8s.io/group-name", group);
  }

  public TestPods nodeSelector(String key, String value) {
    nodeSelector.put(key, value);
    return this;
  }

  public TestPods schedulerName(String schedulerName) {
    this.schedulerName = schedulerName;
    return this;
  }

  public TestPods priority(int priority) {
    this.priority = priority;
    return this;
  }

  public TestPods priorityClassName(String priorityClassName) {
    this.priorityClassName = priorityClassName;
    return this;
  }

  /** Tolerates the NoExecute taint {@code key} for {@code seconds} (for ever when null). */
  public TestPods tolerating(String key, Long seconds) {
    tolerations.add(
        new V1Toleration()
            .key(key)
            .operator("Exists")
            .effect("NoExecute")
            .tolerationSeconds(seconds));
    return this;
  }

  public V1Pod build() {
    V1PodSpec spec =
        new V1PodSpec()
            .restartPolicy("Never")
            .schedulerName(schedulerName)
            .priority(priority)
            .priorityClassName(priorityClassName)
            .nodeSelector(nodeSelector.isEmpty() ? null : nodeSelector)
            .tolerations(tolerations.isEmpty() ? null : tolerations)
            .overhead(null) // client-java sends {} otherwise, which an API server refuses
            .addContainersItem(
                new V1Container()
                    .name("main")
                    .image("busybox")
                    .env(env.isEmpty() ? null : env)
                    .resources(new V1ResourceRequirements().limits(limits)));
    return new V1Pod()
        .apiVersion("v1")
        .kind("Pod")
        .metadata(new V1ObjectMeta().name(name).labels(labels).annotations(annotations))
        .spec(spec);
  }
}
