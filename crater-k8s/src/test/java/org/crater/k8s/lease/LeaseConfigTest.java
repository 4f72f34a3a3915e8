package org.crater.k8s.lease;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaseConfigTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "client-go defaults,        15000, 10000, 2000, true",
    "short test timing,         3000,  2000,  500,  true",
    "renew deadline too long,   3000,  3000,  500,  false",
    "retry not below deadline,  3000,  2000,  2000, false",
    "lease under one second,    900,   600,   100,  false"
  })
  void validatesTiming(String name, long lease, long renew, long retry, boolean valid) {
    Runnable make =
        () ->
            new LeaseConfig(
                "ns",
                "crater-leader",
                "me",
                Duration.ofMillis(lease),
                Duration.ofMillis(renew),
                Duration.ofMillis(retry));
    if (valid) {
      assertThatCode(make::run).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(make::run).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
