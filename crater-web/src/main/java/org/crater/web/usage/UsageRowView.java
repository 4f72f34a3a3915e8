package org.crater.web.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.crater.ejb.usage.UsageRow;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One group of a usage report; the fields it is not grouped by are absent (so is {@code gpuModel}
 * for jobs that named no GPU model).
 *
 * @param day the day (UTC), when grouped by day
 * @param user the username, when grouped by user
 * @param account the account, when grouped by account
 * @param gpuModel the GPU model, when grouped by it
 * @param gpuHours GPUs times hours
 * @param cpuHours CPU cores times hours
 * @param memoryGiBHours memory in GiB times hours
 */
@Schema(name = "UsageRow")
public record UsageRowView(
    LocalDate day,
    String user,
    String account,
    String gpuModel,
    BigDecimal gpuHours,
    BigDecimal cpuHours,
    BigDecimal memoryGiBHours) {

  static UsageRowView of(UsageRow row) {
    return new UsageRowView(
        row.day(),
        row.user(),
        row.account(),
        row.gpuModel(),
        row.gpuHours(),
        row.cpuHours(),
        row.memoryGibHours());
  }
}
