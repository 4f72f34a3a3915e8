package org.crater.ejb.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.crater.model.notify.Channel;
import org.crater.model.notify.NotificationType;
import org.junit.jupiter.api.Test;

class PreferencesTest {

  @Test
  void withoutChoicesTheDefaultsHold() {
    Preferences prefs = Preferences.defaults();
    assertThat(prefs.on(NotificationType.FINISHED, Channel.IN_API)).isTrue();
    assertThat(prefs.on(NotificationType.FINISHED, Channel.EMAIL)).isFalse();
    assertThat(prefs.on(NotificationType.FAILED, Channel.EMAIL)).isTrue();
    assertThat(prefs.on(NotificationType.STOPPED, Channel.WEBHOOK)).isFalse();
  }

  @Test
  void aChoiceOverridesItsDefaultOnlyForItsTypeAndChannel() {
    Preferences prefs =
        Preferences.defaults()
            .with(NotificationType.FINISHED, Channel.WEBHOOK, true)
            .with(NotificationType.FAILED, Channel.EMAIL, false);
    assertThat(prefs.on(NotificationType.FINISHED, Channel.WEBHOOK)).isTrue();
    assertThat(prefs.on(NotificationType.FAILED, Channel.EMAIL)).isFalse();
    assertThat(prefs.on(NotificationType.FAILED, Channel.WEBHOOK)).isFalse();
    assertThat(prefs.on(NotificationType.PREEMPTED, Channel.EMAIL)).isTrue();
    assertThat(prefs.on(NotificationType.FINISHED, Channel.IN_API)).isTrue();
  }

  @Test
  void choosingTwiceKeepsTheLastAndLeavesTheOriginalAsItWas() {
    Preferences base = Preferences.defaults();
    Preferences changed =
        base.with(NotificationType.STARTED, Channel.IN_API, false)
            .with(NotificationType.STARTED, Channel.IN_API, true)
            .with(NotificationType.STARTED, Channel.EMAIL, true);
    assertThat(changed.on(NotificationType.STARTED, Channel.IN_API)).isTrue();
    assertThat(changed.on(NotificationType.STARTED, Channel.EMAIL)).isTrue();
    assertThat(base.on(NotificationType.STARTED, Channel.EMAIL)).isFalse();
  }

  @Test
  void allListsEveryTypeAndChannel() {
    var all = Preferences.defaults().with(NotificationType.WARNED, Channel.IN_API, false).all();
    assertThat(all).hasSize(NotificationType.values().length);
    assertThat(all.values()).allSatisfy(c -> assertThat(c).hasSize(Channel.values().length));
    assertThat(all.get(NotificationType.WARNED).get(Channel.IN_API)).isFalse();
    assertThat(all.get(NotificationType.WARNED).get(Channel.EMAIL)).isTrue();
  }
}
