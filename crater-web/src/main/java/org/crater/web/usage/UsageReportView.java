package org.crater.web.usage;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A usage report: what ended attempts used on the days {@code from} to {@code to}, summed by the
 * groups asked for.
 *
 * @param from the first day, included
 * @param to the last day, included
 * @param zone the time zone of the days
 * @param groupBy what the rows are summed by
 * @param rows one per group that used anything, ordered by the groups
 */
@Schema(name = "UsageReport")
public record UsageReportView(
    LocalDate from, LocalDate to, String zone, List<String> groupBy, List<UsageRowView> rows) {}
