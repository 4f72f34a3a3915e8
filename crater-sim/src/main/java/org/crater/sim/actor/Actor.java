package org.crater.sim.actor;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.sim.api.ApiError;
import org.crater.sim.api.ResourceType;
import org.crater.sim.api.Store;
import org.crater.sim.api.WatchEvent;
import org.crater.sim.api.Watcher;

/**
 * A single-threaded consumer of store changes. Events are handled in batches: {@link #onEvent} per
 * change, then {@link #afterBatch} once the queue is drained, so work can be coalesced.
 */
public abstract class Actor implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Actor.class.getName());
  private static final int BATCH = 5000;

  protected final Store store;
  private final Watcher watcher;
  private final Thread thread;
  private volatile boolean running = true;

  Actor(String name, Store store, ResourceType type) {
    this.store = store;
    this.watcher = store.subscribe(type);
    this.thread = new Thread(this::loop, "crater-sim-" + name);
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  protected abstract void onEvent(WatchEvent event);

  protected void afterBatch() {}

  /** Called when no event arrived for {@link #idleMs()}. */
  protected void idle() {}

  protected long idleMs() {
    return 1000;
  }

  private void loop() {
    while (running) {
      try {
        WatchEvent first = watcher.poll(idleMs());
        if (first == null) {
          guarded(this::idle);
          continue;
        }
        int n = 0;
        for (WatchEvent e = first; e != null && n < BATCH; e = watcher.poll(0), n++) {
          if (e.type().equals("CLOSE")) {
            return;
          }
          WatchEvent event = e;
          guarded(() -> onEvent(event));
        }
        guarded(this::afterBatch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void guarded(Runnable work) {
    try {
      work.run();
    } catch (ApiError e) {
      LOG.log(Level.FINE, "actor call failed actor=" + thread.getName() + " code=" + e.code(), e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "actor step failed actor=" + thread.getName(), e);
    }
  }

  @Override
  public void close() {
    running = false;
    store.unwatch(watcher);
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
