package org.crater.k8s.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.crater.k8s.common.ResourceAmounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeInventoryBuilderTest {

  static V1Node node(String name, String model, int gpus, boolean ready) {
    Map<String, Quantity> cap =
        Map.of(
            "cpu",
            Quantity.fromString("64"),
            "memory",
            Quantity.fromString("512Gi"),
            "nvidia.com/gpu",
            Quantity.fromString(Integer.toString(gpus)));
    return new V1Node()
        .metadata(
            new V1ObjectMeta()
                .name(name)
                .labels(model == null ? Map.of() : Map.of("nvidia.com/gpu.product", model)))
        .spec(new V1NodeSpec())
        .status(
            new V1NodeStatus()
                .capacity(cap)
                .allocatable(cap)
                .conditions(
                    List.of(new V1NodeCondition().type("Ready").status(ready ? "True" : "False"))));
  }

  static V1Pod pod(String name, String node, String phase, String cpu, String gpus) {
    Map<String, Quantity> req =
        Map.of("cpu", Quantity.fromString(cpu), "nvidia.com/gpu", Quantity.fromString(gpus));
    return new V1Pod()
        .metadata(new V1ObjectMeta().name(name).namespace("ns"))
        .spec(
            new V1PodSpec()
                .nodeName(node)
                .containers(
                    List.of(
                        new V1Container()
                            .name("main")
                            .resources(new V1ResourceRequirements().limits(req)))))
        .status(new V1PodStatus().phase(phase));
  }

  private final NodeInventory inv =
      NodeInventoryBuilder.build(
          List.of(
              node("a100-1", "A100", 8, true),
              node("a100-2", "A100", 8, true),
              node("v100-1", "V100", 4, true),
              node("v100-down", "V100", 4, false),
              node("cpu-1", null, 0, true)),
          List.of(
              pod("p1", "a100-1", "Running", "8", "6"),
              pod("p2", "a100-2", "Running", "4", "2"),
              pod("done", "a100-2", "Succeeded", "4", "8"),
              pod("pending", null, "Pending", "4", "8"),
              pod("p3", "v100-1", "Pending", "2", "1")),
          Instant.EPOCH);

  @Test
  void chargesBoundLivePodsOnly() {
    NodeView a1 = inv.node("a100-1").orElseThrow();
    assertThat(a1.allocated().get("nvidia.com/gpu")).isEqualTo(6);
    assertThat(a1.free().get("nvidia.com/gpu")).isEqualTo(2);
    assertThat(a1.free().get("cpu")).isEqualTo(56_000);
    assertThat(a1.pods()).containsExactly("ns/p1");
    assertThat(inv.node("a100-2").orElseThrow().pods()).containsExactly("ns/p2");
  }

  @Test
  void summarisesPerGpuModel() {
    GpuModelSummary a100 = inv.models().get("A100");
    assertThat(a100.nodes()).isEqualTo(2);
    assertThat(a100.capacity()).isEqualTo(16);
    assertThat(a100.allocated()).isEqualTo(8);
    assertThat(a100.free()).isEqualTo(8);
    assertThat(a100.largestFree()).isEqualTo(6);
    GpuModelSummary v100 = inv.models().get("V100");
    assertThat(v100.usableNodes()).isEqualTo(1);
    assertThat(v100.free()).as("the NotReady node offers nothing").isEqualTo(3);
    assertThat(inv.models()).doesNotContainKey("null");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "six A100 on one node,        6, A100, 1, true",
    "seven A100 on one node,      7, A100, 1, false",
    "gang of two 4-GPU A100,      4, A100, 2, false",
    "gang of four 2-GPU A100,     2, A100, 4, true",
    "V100 on the ready node only, 3, V100, 1, true",
    "four V100 needs the down node, 4, V100, 1, false",
    "any model,                   6, '',   1, true"
  })
  void answersPlacementQueries(String name, int gpus, String model, int replicas, boolean fits) {
    ResourceAmounts per =
        ResourceAmounts.parse(Map.of("cpu", "1", "nvidia.com/gpu", Integer.toString(gpus)));
    assertThat(inv.fitsAll(per, model, replicas)).isEqualTo(fits);
  }

  @Test
  void cpuOnlyWorkFitsAnywhereAndCordonedNodesDoNotCount() {
    ResourceAmounts cpu = ResourceAmounts.parse(Map.of("cpu", "60"));
    assertThat(inv.placeable(cpu, null, 10)).as("a100-2, v100-1, cpu-1").isEqualTo(3);
    V1Node cordoned = node("x", "A100", 8, true);
    cordoned.getSpec().unschedulable(true);
    NodeInventory one = NodeInventoryBuilder.build(List.of(cordoned), List.of(), Instant.EPOCH);
    assertThat(one.fits(ResourceAmounts.parse(Map.of("nvidia.com/gpu", "1")), "A100")).isFalse();
    assertThat(one.models().get("A100").free()).isZero();
  }

  @Test
  void requestsFallBackToLimitsAndInitContainersTakeTheMax() {
    V1PodSpec spec =
        new V1PodSpec()
            .containers(
                List.of(
                    new V1Container()
                        .resources(
                            new V1ResourceRequirements()
                                .requests(Map.of("cpu", Quantity.fromString("500m")))
                                .limits(
                                    Map.of(
                                        "cpu",
                                        Quantity.fromString("1"),
                                        "memory",
                                        Quantity.fromString("1Gi"))))))
            .initContainers(
                List.of(
                    new V1Container()
                        .resources(
                            new V1ResourceRequirements()
                                .requests(Map.of("cpu", Quantity.fromString("2"))))));
    ResourceAmounts r = NodeInventoryBuilder.requests(spec);
    assertThat(r.get("cpu")).isEqualTo(2000);
    assertThat(r.get("memory")).isEqualTo(1L << 30);
  }

  @Test
  void totalFreeIgnoresOverCommitment() {
    NodeInventory over =
        NodeInventoryBuilder.build(
            List.of(node("n", "A100", 1, true)),
            List.of(pod("p", "n", "Running", "1", "2")),
            Instant.EPOCH);
    assertThat(over.node("n").orElseThrow().free().get("nvidia.com/gpu")).isEqualTo(-1);
    assertThat(over.free().get("nvidia.com/gpu")).isZero();
  }

  @Test
  void aKeptInventoryAgreesWithOneBuiltAfreshOverAThousandRandomChanges() {
    Random random = new Random(16);
    NodeInventoryBuilder kept = new NodeInventoryBuilder();
    Map<String, V1Node> nodes = new TreeMap<>();
    Map<String, V1Pod> pods = new TreeMap<>();
    String[] phases = {"Pending", "Running", "Succeeded", "Failed"};
    for (int step = 0; step < 1_000; step++) {
      String nodeName = "n" + random.nextInt(6);
      String podName = "p" + random.nextInt(30);
      switch (random.nextInt(6)) {
        case 0 -> {
          V1Node node = node(nodeName, random.nextBoolean() ? "A100" : "V100", 8, true);
          nodes.put(nodeName, node);
          kept.node(node);
        }
        case 1 -> {
          nodes.remove(nodeName);
          kept.nodeGone(nodeName);
        }
        case 2 -> kept.pod(pods.remove(podName), null);
        default -> {
          String boundTo = random.nextInt(5) == 0 ? null : nodeName;
          String gpus = Integer.toString(random.nextInt(4));
          V1Pod pod = pod(podName, boundTo, phases[random.nextInt(4)], "1", gpus);
          kept.pod(pods.put(podName, pod), pod);
        }
      }
      if (random.nextInt(10) == 0) {
        assertThat(kept.build(Instant.EPOCH))
            .as("step %d", step)
            .isEqualTo(NodeInventoryBuilder.build(nodes.values(), pods.values(), Instant.EPOCH));
      }
    }
    assertThat(kept.build(Instant.EPOCH))
        .isEqualTo(NodeInventoryBuilder.build(nodes.values(), pods.values(), Instant.EPOCH));
  }
}
