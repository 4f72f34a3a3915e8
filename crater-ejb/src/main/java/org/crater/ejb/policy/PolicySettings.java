package org.crater.ejb.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often the leader checks the policies ({@code crater.policies.check-period}, default 30 s) and
 * how many hours one extension request may ask for ({@code crater.policies.max-extension-hours},
 * default 168).
 */
@ApplicationScoped
public class PolicySettings {

  @Inject
  @ConfigProperty(name = "crater.policies.check-period", defaultValue = "PT30S")
  Duration checkPeriod;

  @Inject
  @ConfigProperty(name = "crater.policies.max-extension-hours", defaultValue = "168")
  int maxExtensionHours;

  /** The period of the checks; at least 100 ms. */
  public Duration checkPeriod() {
    return checkPeriod.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : checkPeriod;
  }

  public int maxExtensionHours() {
    return maxExtensionHours;
  }
}
