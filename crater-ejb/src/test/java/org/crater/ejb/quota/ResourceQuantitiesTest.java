package org.crater.ejb.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.crater.model.quota.ResourceVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceQuantitiesTest {

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource({
    "cpu, 500m, 500",
    "cpu, 4, 4000",
    "cpu, 0.5, 500",
    "memory, 16Gi, 17179869184",
    "memory, 1G, 1000000000",
    "nvidia.com/gpu, 2, 2",
    "nvidia.com/a100, 8, 8"
  })
  void parsesKubernetesQuantitiesToCanonicalUnits(String name, String quantity, long canonical) {
    assertThat(ResourceQuantities.parse("quota", Map.of(name, quantity)).get(name))
        .isEqualTo(canonical);
  }

  @Test
  void printsCanonicalUnitsAsKubernetesQuantities() {
    ResourceVector vector =
        ResourceVector.of(Map.of("cpu", 1500L, "memory", 16L << 30, "nvidia.com/gpu", 2L));

    assertThat(ResourceQuantities.format(vector))
        .containsEntry("cpu", "1500m")
        .containsEntry("memory", "16Gi")
        .containsEntry("nvidia.com/gpu", "2");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "nvidia.com/gpu, 1.5, whole number",
    "cpu, -1, negative",
    "memory, lots, not a Kubernetes quantity",
    "nvidia.com/gpu, 100001, larger than any cluster",
    "cpu, 1000000, larger than any cluster",
    "bad name!, 1, not a Kubernetes resource name"
  })
  void refusesWhatNoClusterCouldHold(String name, String quantity, String reason) {
    assertThatThrownBy(() -> ResourceQuantities.parse("quota", Map.of(name, quantity)))
        .isInstanceOfSatisfying(
            InvalidResourcesException.class,
            e -> assertThat(e.fieldErrors().get("quota." + name)).contains(reason));
  }

  @Test
  void absentOrZeroQuantitiesMakeAnEmptyVector() {
    assertThat(ResourceQuantities.parse("quota", null)).isEqualTo(ResourceVector.ZERO);
    assertThat(ResourceQuantities.parse("quota", Map.of("cpu", "0")))
        .isEqualTo(ResourceVector.ZERO);
  }
}
