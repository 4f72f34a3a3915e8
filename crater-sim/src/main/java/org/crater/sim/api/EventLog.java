package org.crater.sim.api;

import com.google.gson.JsonObject;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bounded history of store changes plus the live watchers. Callers hold the store lock, so a
 * watcher registered with a replay sees every change exactly once and in order.
 */
final class EventLog {
  private final int capacity;
  private final ArrayDeque<WatchEvent> history;
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
  private long compactedRv;

  EventLog(int capacity) {
    this.capacity = capacity;
    this.history = new ArrayDeque<>(Math.min(capacity, 1 << 16));
  }

  void append(WatchEvent event) {
    if (history.size() >= capacity) {
      compactedRv = history.pollFirst().rv();
    }
    history.addLast(event);
    for (Watcher w : watchers) {
      w.offer(event);
    }
  }

  /**
   * Registers a watcher. Without {@code sinceRv} it first receives ADDED for every current object;
   * with it, every buffered change after that version.
   *
   * @throws ApiError 410 when changes after {@code sinceRv} are no longer buffered
   */
  Watcher register(Watcher watcher, Long sinceRv, Collection<JsonObject> current) {
    if (sinceRv == null) {
      for (JsonObject o : current) {
        if (watcher.covers(watcher.resource(), o)) {
          watcher.offer(new WatchEvent(WatchEvent.ADDED, watcher.resource(), o, null, 0));
        }
      }
    } else {
      checkNotCompacted(sinceRv);
      for (WatchEvent e : history) {
        if (e.rv() > sinceRv) {
          watcher.offer(e);
        }
      }
    }
    watchers.add(watcher);
    return watcher;
  }

  void checkNotCompacted(long rv) {
    if (rv < compactedRv) {
      throw ApiError.gone("too old resource version: " + rv + " (" + (compactedRv + 1) + ")");
    }
  }

  void unregister(Watcher watcher) {
    watchers.remove(watcher);
    watcher.close();
  }

  /**
   * Forgets the history (older versions answer 410 from now on) and closes the HTTP watchers;
   * in-process subscribers stay.
   */
  void reset(long currentRv) {
    history.clear();
    compactedRv = currentRv;
    for (Watcher w : watchers) {
      if (!w.isInternal()) {
        unregister(w);
      }
    }
  }

  /** Closes the HTTP watchers, as a dropped connection would; the history is kept. */
  void closeExternal() {
    for (Watcher w : watchers) {
      if (!w.isInternal()) {
        unregister(w);
      }
    }
  }

  /** Closes every watcher, internal ones included. */
  void closeAll() {
    for (Watcher w : watchers) {
      unregister(w);
    }
  }
}
