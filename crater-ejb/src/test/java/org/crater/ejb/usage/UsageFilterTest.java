package org.crater.ejb.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.crater.ejb.common.CraterException;
import org.junit.jupiter.api.Test;

/** A report's range and grouping, and how query sums become hours. */
class UsageFilterTest {

  private static final LocalDate DAY = LocalDate.parse("2026-11-28");

  @Test
  void aReversedRangeIsRefused() {
    assertThatThrownBy(() -> new UsageFilter(DAY, DAY.minusDays(1), null, null, null, Set.of()))
        .isInstanceOfSatisfying(
            CraterException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("invalid-range");
              assertThat(e.fieldErrors()).containsKey("to");
            });
  }

  @Test
  void aRangeCoversAtMostAYear() {
    LocalDate last = DAY.plusDays(UsageFilter.MAX_DAYS - 1);

    assertThat(new UsageFilter(DAY, last, null, null, null, null).groupBy())
        .containsExactly(UsageGrouping.DAY);
    assertThatThrownBy(() -> new UsageFilter(DAY, last.plusDays(1), null, null, null, null))
        .isInstanceOf(CraterException.class)
        .hasMessageContaining("366 days");
    assertThatThrownBy(() -> new UsageFilter(null, DAY, null, null, null, null))
        .isInstanceOf(CraterException.class);
  }

  @Test
  void groupingsHaveTheirRequestNames() {
    assertThat(UsageGrouping.ofLabel("gpuModel")).contains(UsageGrouping.GPU_MODEL);
    assertThat(UsageGrouping.ofLabel("GPU_MODEL")).isEmpty();
  }

  @Test
  void sumsOfAmountMillisecondsBecomeHoursRoundedToSixDecimals() {
    List<UsageGrouping> groups = List.of(UsageGrouping.GPU_MODEL, UsageGrouping.DAY);
    Object[] row = {
      "A100", DAY, 2L * 3_600_000L, new BigDecimal(1500L * 1_800_000L), 1024L * 1000L
    };

    UsageRow usage = UsageService.row(groups, row);

    assertThat(usage)
        .isEqualTo(
            new UsageRow(
                DAY,
                null,
                null,
                "A100",
                new BigDecimal("2.000000"),
                new BigDecimal("0.750000"),
                new BigDecimal("0.000278")));
    assertThat(UsageService.hours(null, 1)).isEqualByComparingTo("0");
  }
}
