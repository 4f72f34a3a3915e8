package org.crater.model.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceVectorTest {

  private static final ResourceVector QUOTA =
      ResourceVector.of(Map.of("cpu", 8000L, "memory", 32L << 30, "nvidia.com/gpu", 4L));

  static Stream<Arguments> fits() {
    return Stream.of(
        Arguments.of("exact fit", Map.of("cpu", 8000L, "nvidia.com/gpu", 4L), true),
        Arguments.of("one gpu short", Map.of("nvidia.com/gpu", 5L), false),
        Arguments.of("unknown model", Map.of("nvidia.com/a100", 1L), false),
        Arguments.of("nothing requested", Map.of(), true),
        Arguments.of("well inside", Map.of("cpu", 500L, "memory", 1L << 30), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void fits(String name, Map<String, Long> request, boolean fits) {
    assertThat(ResourceVector.of(request).fitsWithin(QUOTA)).isEqualTo(fits);
  }

  @Test
  void zeroQuotaAdmitsNothing() {
    assertThat(ResourceVector.of(Map.of("cpu", 1L)).exceeding(ResourceVector.ZERO))
        .containsExactly("cpu");
  }

  @Test
  void arithmeticDropsZerosAndNeverGoesNegative() {
    ResourceVector used = ResourceVector.of(Map.of("cpu", 1000L, "nvidia.com/gpu", 1L));

    assertThat(used.plus(used).get("cpu")).isEqualTo(2000L);
    assertThat(used.minus(used)).isEqualTo(ResourceVector.ZERO);
    assertThat(used.minus(QUOTA).isZero()).isTrue();
    assertThat(QUOTA.minus(used).get("nvidia.com/gpu")).isEqualTo(3L);
  }

  @Test
  void multipliesForReplicas() {
    assertThat(QUOTA.times(3).get("nvidia.com/gpu")).isEqualTo(12L);
    assertThat(QUOTA.times(0)).isEqualTo(ResourceVector.ZERO);
  }

  @Test
  void rejectsNegativeAmounts() {
    assertThatThrownBy(() -> ResourceVector.of(Map.of("cpu", -1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void convertsToCanonicalTextAndBack() {
    ResourceVectorConverter converter = new ResourceVectorConverter();

    String text = converter.convertToDatabaseColumn(QUOTA);

    assertThat(text).isEqualTo("cpu=8000;memory=34359738368;nvidia.com/gpu=4");
    assertThat(converter.convertToEntityAttribute(text)).isEqualTo(QUOTA);
    assertThat(converter.convertToEntityAttribute("")).isEqualTo(ResourceVector.ZERO);
  }
}
