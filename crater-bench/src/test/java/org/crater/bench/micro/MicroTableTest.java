package org.crater.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MicroTableTest {

  @Test
  void rendersOneAlignedLinePerRowUnderAHeader() {
    String table =
        MicroTable.render(
            List.of(
                new MicroTable.Row(
                    "AdmissionPassBenchmark.plan", "fill=FULL queued=20000", 42.5, 1.25, "ms/op"),
                new MicroTable.Row(
                    "QuotaArithmeticBenchmark.plus", "", 120.04, Double.NaN, "ns/op")));

    assertThat(table.lines())
        .containsExactly(
            "Benchmark                      Params                   Score    Error  Unit",
            "AdmissionPassBenchmark.plan    fill=FULL queued=20000  42.500  ± 1.250  ms/op",
            "QuotaArithmeticBenchmark.plus                           120.0    ± n/a  ns/op");
  }
}
