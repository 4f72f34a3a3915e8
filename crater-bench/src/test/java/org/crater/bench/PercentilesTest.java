package org.crater.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentilesTest {
  private static final double[] ONE_TO_HUNDRED =
      IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

  @ParameterizedTest(name = "p{0} of 1..100 is {1}")
  @CsvSource({"50, 50", "95, 95", "99, 99", "100, 100", "0.5, 1"})
  void takesTheNearestRank(double p, double expected) {
    assertThat(Percentiles.of(ONE_TO_HUNDRED, p)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "p{0} of five values is {1}")
  @CsvSource({"50, 30", "95, 50", "99, 50", "20, 10", "21, 20"})
  void ignoresInputOrderAndReportsAMeasuredValue(double p, double expected) {
    double[] values = {50, 10, 40, 20, 30};

    assertThat(Percentiles.of(values, p)).isEqualTo(expected);
    assertThat(values).containsExactly(50, 10, 40, 20, 30);
  }

  @Test
  void hasNoPercentileOfNothing() {
    assertThat(Percentiles.of(new double[0], 50)).isNull();
  }

  @Test
  void rejectsPercentilesOutsideZeroToHundred() {
    assertThatThrownBy(() -> Percentiles.of(ONE_TO_HUNDRED, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.of(ONE_TO_HUNDRED, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
