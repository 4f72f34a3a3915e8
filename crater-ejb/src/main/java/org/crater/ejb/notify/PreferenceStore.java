package org.crater.ejb.notify;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.crater.model.notify.Channel;
import org.crater.model.notify.NotificationType;

/** The users' notification choices (table {@code crater_notify_pref}). */
@Stateless
public class PreferenceStore {

  @PersistenceContext private EntityManager em;

  /** The user's preferences: their choices over the defaults. */
  public Preferences of(long userId) {
    Preferences prefs = Preferences.defaults();
    for (Object row :
        em.createNativeQuery(
                "SELECT event_type, channel, enabled FROM crater_notify_pref WHERE user_id = ?1")
            .setParameter(1, userId)
            .getResultList()) {
      Object[] r = (Object[]) row;
      prefs =
          prefs.with(
              NotificationType.valueOf((String) r[0]),
              Channel.valueOf((String) r[1]),
              Columns.truthy(r[2]));
    }
    return prefs;
  }

  /** Records the given choices (others stay as they were) and answers the result. */
  public Preferences choose(long userId, Map<NotificationType, Map<Channel, Boolean>> choices) {
    choices.forEach(
        (type, channels) ->
            channels.forEach(
                (channel, on) -> {
                  em.createNativeQuery(
                          "DELETE FROM crater_notify_pref"
                              + " WHERE user_id = ?1 AND event_type = ?2 AND channel = ?3")
                      .setParameter(1, userId)
                      .setParameter(2, type.name())
                      .setParameter(3, channel.name())
                      .executeUpdate();
                  em.createNativeQuery(
                          "INSERT INTO crater_notify_pref (user_id, event_type, channel, enabled)"
                              + " VALUES (?1, ?2, ?3, ?4)")
                      .setParameter(1, userId)
                      .setParameter(2, type.name())
                      .setParameter(3, channel.name())
                      .setParameter(4, on)
                      .executeUpdate();
                }));
    return of(userId);
  }
}
