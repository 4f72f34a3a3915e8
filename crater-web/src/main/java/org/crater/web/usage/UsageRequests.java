package org.crater.web.usage;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crater.ejb.common.CraterException;
import org.crater.ejb.usage.UsageFilter;
import org.crater.ejb.usage.UsageGrouping;
import org.crater.ejb.usage.UsageRow;
import org.crater.model.usage.AttemptUsage;

/**
 * Reads the query of a usage report and answers it as JSON or CSV. Days are ISO dates ({@code
 * 2026-11-28}) of {@link AttemptUsage#ZONE}; {@code to} defaults to today and {@code from} to the
 * first day of {@code to}'s month. A bad value is a 400 naming the parameter.
 */
public final class UsageRequests {

  private UsageRequests() {}

  /** The filter of a request; {@code user} is null on the caller's own report. */
  public static UsageFilter filter(
      Clock clock,
      String from,
      String to,
      String groupBy,
      String user,
      String account,
      String gpuModel) {
    LocalDate last = date("to", to);
    if (last == null) {
      last = LocalDate.ofInstant(clock.instant(), AttemptUsage.ZONE);
    }
    LocalDate first = date("from", from);
    return new UsageFilter(
        first == null ? last.withDayOfMonth(1) : first,
        last,
        blankToNull(user),
        blankToNull(account),
        blankToNull(gpuModel),
        groupings(groupBy));
  }

  /**
   * The report as CSV when {@code format} is {@code csv}, or when it is absent and the client
   * prefers {@code text/csv}; as JSON otherwise.
   */
  public static Response answer(
      UsageFilter filter, List<UsageRow> rows, String format, HttpHeaders headers) {
    List<UsageGrouping> groups = new ArrayList<>(filter.groupBy());
    if (!wantsCsv(format, headers)) {
      return Response.ok(
              new UsageReportView(
                  filter.from(),
                  filter.to(),
                  AttemptUsage.ZONE.getId(),
                  groups.stream().map(UsageGrouping::label).toList(),
                  rows.stream().map(UsageRowView::of).toList()),
              MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    String name = "crater-usage-" + filter.from() + "-" + filter.to() + ".csv";
    return Response.ok(UsageCsv.of(groups, rows), UsageCsv.MEDIA_TYPE + "; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  private static boolean wantsCsv(String format, HttpHeaders headers) {
    String chosen = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
    return switch (chosen) {
      case "csv" -> true;
      case "json" -> false;
      case "" -> prefersCsv(headers.getAcceptableMediaTypes());
      default -> throw invalid("format", "json or csv");
    };
  }

  /** Whether the most wanted of the acceptable types (sorted by the client's weights) is CSV. */
  private static boolean prefersCsv(List<MediaType> acceptable) {
    MediaType csv = MediaType.valueOf(UsageCsv.MEDIA_TYPE);
    return !acceptable.isEmpty()
        && !acceptable.get(0).isWildcardType()
        && acceptable.get(0).isCompatible(csv);
  }

  private static Set<UsageGrouping> groupings(String groupBy) {
    Set<UsageGrouping> groups = EnumSet.noneOf(UsageGrouping.class);
    if (groupBy == null || groupBy.isBlank()) {
      return groups;
    }
    for (String label : groupBy.split(",", -1)) {
      groups.add(
          UsageGrouping.ofLabel(label.strip())
              .orElseThrow(() -> invalid("groupBy", "day, user, account or gpuModel, by commas")));
    }
    return groups;
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw invalid(name, "an ISO-8601 date such as 2026-11-28");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static CraterException invalid(String name, String expected) {
    return new CraterException(
        400, "invalid-query", "Query parameter " + name + " must be " + expected + ".") {
      @Override
      public Map<String, String> fieldErrors() {
        return Map.of(name, "must be " + expected);
      }
    };
  }
}
