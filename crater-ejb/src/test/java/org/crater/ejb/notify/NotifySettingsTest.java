package org.crater.ejb.notify;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotifySettingsTest {

  @Test
  void theDefaultsWork() {
    assertThatCode(() -> settings(Duration.ofSeconds(2), Duration.ofSeconds(10), 8).check())
        .doesNotThrowAnyException();
  }

  @Test
  void aSettingThatCannotWorkIsNamed() {
    assertThatThrownBy(() -> settings(Duration.ZERO, Duration.ofSeconds(10), 8).check())
        .hasMessageContaining("crater.notifications.poll");
    assertThatThrownBy(() -> settings(Duration.ofSeconds(2), Duration.ofHours(2), 8).check())
        .hasMessageContaining("crater.notifications.retry-base");
    assertThatThrownBy(() -> settings(Duration.ofSeconds(2), Duration.ofSeconds(10), 0).check())
        .hasMessageContaining("attempts");
  }

  private static NotifySettings settings(Duration poll, Duration retryBase, int attempts) {
    NotifySettings settings = new NotifySettings();
    settings.poll = poll;
    settings.lookback = Duration.ofDays(1);
    settings.retryBase = retryBase;
    settings.retryMax = Duration.ofHours(1);
    settings.attempts = attempts;
    settings.webhookTimeout = Duration.ofSeconds(5);
    return settings;
  }
}
