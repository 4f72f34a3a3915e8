package org.crater.web.usage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crater.ejb.usage.UsageGrouping;
import org.crater.ejb.usage.UsageRow;

/**
 * Writes a usage report as CSV (RFC 4180): a header line, then one line per row, CRLF line ends,
 * the grouped columns first, then the amounts as plain decimals. A field with a comma, a quote or a
 * line break is quoted, its quotes doubled.
 */
public final class UsageCsv {

  public static final String MEDIA_TYPE = "text/csv";

  private UsageCsv() {}

  static String of(List<UsageGrouping> groups, List<UsageRow> rows) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>(groups.stream().map(UsageGrouping::label).toList());
    header.addAll(List.of("gpuHours", "cpuHours", "memoryGiBHours"));
    line(csv, header);
    for (UsageRow row : rows) {
      List<String> fields = new ArrayList<>(groups.stream().map(g -> group(g, row)).toList());
      fields.add(amount(row.gpuHours()));
      fields.add(amount(row.cpuHours()));
      fields.add(amount(row.memoryGibHours()));
      line(csv, fields);
    }
    return csv.toString();
  }

  /** One field, quoted when it must be. */
  static String field(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static void line(StringBuilder csv, List<String> fields) {
    csv.append(String.join(",", fields.stream().map(UsageCsv::field).toList())).append("\r\n");
  }

  private static String group(UsageGrouping grouping, UsageRow row) {
    Object value =
        switch (grouping) {
          case DAY -> row.day();
          case USER -> row.user();
          case ACCOUNT -> row.account();
          case GPU_MODEL -> row.gpuModel();
        };
    return Objects.toString(value, "");
  }

  private static String amount(BigDecimal hours) {
    return hours.toPlainString();
  }
}
