package org.crater.k8s.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

  @ParameterizedTest(name = "{0}: {1} {2} -> {3}")
  @CsvSource({
    "whole cores,        cpu,            4,      4000",
    "millicores,         cpu,            500m,   500",
    "fractional cores,   cpu,            1.5,    1500",
    "sub-milli rounds up, cpu,           0.0001, 1",
    "binary memory,      memory,         16Gi,   17179869184",
    "decimal memory,     memory,         1G,     1000000000",
    "plain bytes,        memory,         1024,   1024",
    "gpu count,          nvidia.com/gpu, 2,      2",
    "per-model gpu,      nvidia.com/a100, 8,     8"
  })
  void canonicalises(String name, String resource, String quantity, long expected) {
    assertThat(Quantities.canonical(resource, quantity)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1} {2} -> {3}")
  @CsvSource({
    "cores,        cpu,            4000,        4",
    "millicores,   cpu,            1500,        1500m",
    "gibibytes,    memory,         17179869184, 16Gi",
    "gpus,         nvidia.com/gpu, 2,           2"
  })
  void formats(String name, String resource, long canonical, String expected) {
    assertThat(Quantities.format(resource, canonical)).isEqualTo(expected);
  }

  @Test
  void formatThenParseRoundTrips() {
    ResourceAmounts a =
        ResourceAmounts.parse(Map.of("cpu", "2500m", "memory", "3Gi", "nvidia.com/gpu", "1"));
    assertThat(ResourceAmounts.parse(a.toQuantities())).isEqualTo(a);
  }
}
