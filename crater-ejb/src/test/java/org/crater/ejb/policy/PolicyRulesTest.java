package org.crater.ejb.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.crater.model.policy.PolicyLimits;
import org.junit.jupiter.api.Test;

class PolicyRulesTest {

  private static PolicyInput input(String batch, Double percent, String window, String grace) {
    return new PolicyInput(batch, null, null, percent, window, grace, null, null, null);
  }

  @Test
  void everythingOffIsNone() {
    assertThat(PolicyRules.limits(input(null, null, null, null))).isEqualTo(PolicyLimits.NONE);
  }

  @Test
  void durationsAreIso8601() {
    PolicyLimits limits = PolicyRules.limits(input("P1DT2H", 5.0, "PT30M", "PT10M"));
    assertThat(limits.batchMaxRun()).isEqualTo(Duration.ofHours(26));
    assertThat(limits.idleReclamation()).isTrue();
  }

  @Test
  void badFieldsAreNamed() {
    InvalidPolicyException e =
        catchThrowableOfType(
            () -> PolicyRules.limits(input("two hours", 150.0, "PT0S", null)),
            InvalidPolicyException.class);
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.fieldErrors())
        .containsOnlyKeys("batchMaxRunTime", "idleThresholdPercent", "idleWindow", "idleGrace");
  }

  @Test
  void cancellingAfterTheQueueTimeNeedsOne() {
    InvalidPolicyException e =
        catchThrowableOfType(
            () ->
                PolicyRules.limits(
                    new PolicyInput(null, null, null, null, null, null, null, true, -1)),
            InvalidPolicyException.class);
    assertThat(e.fieldErrors()).containsOnlyKeys("maxQueueTime", "autoApproveHours");
  }

  @Test
  void limitsStayWithinTenYears() {
    assertThat(PolicyRules.limits(input("P3650D", null, null, null)).batchMaxRun())
        .isEqualTo(Duration.ofDays(3650));
    InvalidPolicyException e =
        catchThrowableOfType(
            () -> PolicyRules.limits(input("PT2562047788015215H", null, null, null)),
            InvalidPolicyException.class);
    assertThat(e.fieldErrors()).containsOnlyKeys("batchMaxRunTime");
  }
}
