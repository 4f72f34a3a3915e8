package org.crater.ejb.scheduler;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission settings ({@code crater.scheduler.*}): how long a guaranteed job may wait for room
 * before nodes are reserved for it ({@code reserve-after}, default 10 minutes; {@code PT0S} turns
 * reservations off).
 */
@ApplicationScoped
public class SchedulerSettings {

  @Inject
  @ConfigProperty(name = "crater.scheduler.reserve-after", defaultValue = "PT10M")
  Duration reserveAfter;

  /** The wait after which a guaranteed job gets nodes reserved; null when reservations are off. */
  public Duration reserveAfter() {
    return reserveAfter.isZero() || reserveAfter.isNegative() ? null : reserveAfter;
  }
}
