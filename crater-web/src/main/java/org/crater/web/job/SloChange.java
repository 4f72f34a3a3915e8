package org.crater.web.job;

import jakarta.validation.constraints.NotNull;
import org.crater.model.job.Slo;

/**
 * A new service level.
 *
 * @param slo GUARANTEED or BEST_EFFORT
 */
public record SloChange(@NotNull Slo slo) {}
