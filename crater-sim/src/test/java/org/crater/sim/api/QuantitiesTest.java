package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Kubernetes quantity parsing into milli-units. */
class QuantitiesTest {
  @ParameterizedTest(name = "{0} = {1} milli")
  @CsvSource({
    "1, 1000",
    "500m, 500",
    "0.5, 500",
    "64, 64000",
    "1Ki, 1024000",
    "1Gi, 1073741824000",
    "512Gi, 549755813888000",
    "1G, 1000000000000",
    "1e3, 1000000",
    "2k, 2000000"
  })
  void parses(String quantity, long milli) {
    assertThat(Quantities.milli(quantity)).isEqualTo(milli);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Gi", "12Xi", "abc"})
  void rejectsGarbage(String quantity) {
    assertThatThrownBy(() -> Quantities.milli(quantity)).isInstanceOf(RuntimeException.class);
  }
}
