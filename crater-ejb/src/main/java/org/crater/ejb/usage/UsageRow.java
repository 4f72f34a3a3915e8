package org.crater.ejb.usage;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a usage report: the group (its fields not grouped by are null) and what it used.
 *
 * @param day the day, when grouped by day
 * @param user the username, when grouped by user
 * @param account the account, when grouped by account
 * @param gpuModel the GPU model, when grouped by it (null too for jobs that named none)
 * @param gpuHours GPUs times hours, to six decimals
 * @param cpuHours CPU cores times hours
 * @param memoryGibHours memory in GiB times hours
 */
public record UsageRow(
    LocalDate day,
    String user,
    String account,
    String gpuModel,
    BigDecimal gpuHours,
    BigDecimal cpuHours,
    BigDecimal memoryGibHours) {}
