package org.crater.k8s.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceAmountsTest {

  private static ResourceAmounts r(String cpu, String mem, String gpu) {
    return ResourceAmounts.parse(Map.of("cpu", cpu, "memory", mem, "nvidia.com/gpu", gpu));
  }

  @Test
  void addsAndSubtractsPerResource() {
    ResourceAmounts sum = r("2", "4Gi", "1").plus(r("500m", "1Gi", "2"));
    assertThat(sum.get("cpu")).isEqualTo(2500);
    assertThat(sum.get("nvidia.com/gpu")).isEqualTo(3);
    assertThat(sum.minus(r("500m", "1Gi", "2"))).isEqualTo(r("2", "4Gi", "1"));
  }

  @Test
  void zeroEntriesAreDroppedSoEqualVectorsCompareEqual() {
    assertThat(r("1", "1Gi", "0"))
        .isEqualTo(ResourceAmounts.parse(Map.of("cpu", "1", "memory", "1Gi")));
    assertThat(r("1", "1Gi", "1").minus(r("1", "1Gi", "1"))).isEqualTo(ResourceAmounts.ZERO);
  }

  @Test
  void coversComparesEveryRequestedResource() {
    ResourceAmounts free = r("8", "32Gi", "4");
    assertThat(free.covers(r("8", "32Gi", "4"))).isTrue();
    assertThat(free.covers(r("1", "1Gi", "5"))).isFalse();
    assertThat(free.covers(ResourceAmounts.parse(Map.of("nvidia.com/a100", "1")))).isFalse();
  }

  @Test
  void countsCopiesByTheScarcestResource() {
    assertThat(r("16", "64Gi", "8").copiesOf(r("4", "8Gi", "2"))).isEqualTo(4);
    assertThat(r("16", "64Gi", "8").copiesOf(r("4", "8Gi", "3"))).isEqualTo(2);
    assertThat(r("1", "64Gi", "8").copiesOf(r("4", "8Gi", "1"))).isZero();
    assertThat(r("1", "1Gi", "1").minus(r("2", "1Gi", "1")).copiesOf(r("1", "0", "0"))).isZero();
  }

  @Test
  void nonNegativeClampsOverCommitment() {
    ResourceAmounts over = r("1", "1Gi", "1").minus(r("2", "1Gi", "0"));
    assertThat(over.get("cpu")).isEqualTo(-1000);
    assertThat(over.nonNegative().get("cpu")).isZero();
    assertThat(over.nonNegative().get("nvidia.com/gpu")).isEqualTo(1);
  }
}
