package org.crater.web.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.crater.ejb.usage.UsageGrouping;
import org.crater.ejb.usage.UsageRow;
import org.junit.jupiter.api.Test;

class UsageCsvTest {

  private static final BigDecimal TINY = new BigDecimal("0.000278");

  @Test
  void aHeaderThenOneLinePerRowWithPlainDecimals() {
    UsageRow row =
        new UsageRow(
            LocalDate.parse("2026-11-28"),
            null,
            null,
            "A100",
            TINY,
            new BigDecimal("12.500000"),
            BigDecimal.ZERO);

    String csv = UsageCsv.of(List.of(UsageGrouping.DAY, UsageGrouping.GPU_MODEL), List.of(row));

    assertThat(csv)
        .isEqualTo(
            "day,gpuModel,gpuHours,cpuHours,memoryGiBHours\r\n"
                + "2026-11-28,A100,0.000278,12.500000,0\r\n");
  }

  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
    assertThat(UsageCsv.field("plain")).isEqualTo("plain");
    assertThat(UsageCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(UsageCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(UsageCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(UsageCsv.field("cr\r")).isEqualTo("\"cr\r\"");
  }

  @Test
  void aGroupWithoutAValueIsAnEmptyField() {
    UsageRow noModel = new UsageRow(null, null, null, null, TINY, TINY, TINY);

    String csv = UsageCsv.of(List.of(UsageGrouping.GPU_MODEL), List.of(noModel));

    assertThat(csv.lines())
        .containsExactly(
            "gpuModel,gpuHours,cpuHours,memoryGiBHours", ",0.000278,0.000278,0.000278");
  }
}
