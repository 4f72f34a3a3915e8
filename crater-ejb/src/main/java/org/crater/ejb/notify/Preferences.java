package org.crater.ejb.notify;

import java.util.EnumMap;
import java.util.Map;
import org.crater.model.notify.Channel;
import org.crater.model.notify.NotificationType;

/**
 * A user's choices: for each notification type and channel, on or off. What the user never chose is
 * the type's default ({@link NotificationType#onByDefault}).
 */
public final class Preferences {

  private final Map<NotificationType, Map<Channel, Boolean>> chosen;

  private Preferences(Map<NotificationType, Map<Channel, Boolean>> chosen) {
    this.chosen = chosen;
  }

  /** The defaults, with no choice made. */
  public static Preferences defaults() {
    return new Preferences(new EnumMap<>(NotificationType.class));
  }

  /** These preferences with one choice set. */
  public Preferences with(NotificationType type, Channel channel, boolean on) {
    Map<NotificationType, Map<Channel, Boolean>> copy = new EnumMap<>(NotificationType.class);
    chosen.forEach((t, channels) -> copy.put(t, new EnumMap<>(channels)));
    copy.computeIfAbsent(type, t -> new EnumMap<>(Channel.class)).put(channel, on);
    return new Preferences(copy);
  }

  /** Whether the channel tells the user of this type. */
  public boolean on(NotificationType type, Channel channel) {
    Boolean choice = chosen.getOrDefault(type, Map.of()).get(channel);
    return choice == null ? type.onByDefault(channel) : choice;
  }

  /** Every type and channel with its value, choices and defaults alike. */
  public Map<NotificationType, Map<Channel, Boolean>> all() {
    Map<NotificationType, Map<Channel, Boolean>> all = new EnumMap<>(NotificationType.class);
    for (NotificationType type : NotificationType.values()) {
      Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
      for (Channel channel : Channel.values()) {
        channels.put(channel, on(type, channel));
      }
      all.put(type, channels);
    }
    return all;
  }
}
