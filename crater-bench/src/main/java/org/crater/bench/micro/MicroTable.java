package org.crater.bench.micro;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** The compact results table: benchmark, parameters, score, error and unit, one row a run. */
final class MicroTable {

  private static final String[] HEADER = {"Benchmark", "Params", "Score", "Error", "Unit"};

  /**
   * One result row.
   *
   * @param benchmark class and method, without the package
   * @param params {@code name=value} pairs, blank when the benchmark has none
   * @param score the average
   * @param error the 99.9% confidence half-width, NaN with too few samples
   * @param unit e.g. {@code ms/op}
   */
  record Row(String benchmark, String params, double score, double error, String unit) {}

  private MicroTable() {}

  static List<Row> rows(Collection<RunResult> results) {
    return results.stream()
        .map(MicroTable::row)
        .sorted(Comparator.comparing(Row::benchmark))
        .toList();
  }

  static String render(List<Row> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADER);
    rows.forEach(
        r ->
            cells.add(
                new String[] {
                  r.benchmark(), r.params(), number(r.score()), "± " + number(r.error()), r.unit()
                }));
    int[] widths = new int[HEADER.length];
    cells.forEach(c -> widen(widths, c));
    StringBuilder out = new StringBuilder();
    for (String[] c : cells) {
      out.append(
              String.format(Locale.ROOT, "%-" + widths[0] + "s  %-" + widths[1] + "s", c[0], c[1]))
          .append(
              String.format(Locale.ROOT, "  %" + widths[2] + "s  %" + widths[3] + "s", c[2], c[3]))
          .append("  ")
          .append(c[4])
          .append('\n');
    }
    return out.toString();
  }

  private static Row row(RunResult run) {
    BenchmarkParams params = run.getParams();
    String name = params.getBenchmark();
    int method = name.lastIndexOf('.');
    String benchmark = name.substring(name.lastIndexOf('.', method - 1) + 1);
    String values =
        params.getParamsKeys().stream()
            .map(k -> k + "=" + params.getParam(k))
            .collect(Collectors.joining(" "));
    Result<?> primary = run.getPrimaryResult();
    return new Row(
        benchmark, values, primary.getScore(), primary.getScoreError(), primary.getScoreUnit());
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, value >= 100 ? "%.1f" : "%.3f", value);
  }

  private static void widen(int[] widths, String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      widths[i] = Math.max(widths[i], cells[i].length());
    }
  }
}
