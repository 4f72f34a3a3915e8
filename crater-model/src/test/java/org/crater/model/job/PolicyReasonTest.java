package org.crater.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyReasonTest {

  @Test
  void aStoredCodeNamesItsReasonAndOtherReasonsNone() {
    for (PolicyReason reason : PolicyReason.values()) {
      assertThat(PolicyReason.ofCode(reason.code())).contains(reason);
    }
    assertThat(PolicyReason.ofCode("Cancelled")).isEmpty();
  }

  @Test
  void codesFitTheTimelinesReasonColumn() {
    for (PolicyReason reason : PolicyReason.values()) {
      assertThat(reason.code()).hasSizeLessThanOrEqualTo(64).matches("[A-Z][A-Za-z]+");
    }
  }
}
