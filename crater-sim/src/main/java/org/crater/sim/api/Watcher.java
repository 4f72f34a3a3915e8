package org.crater.sim.api;

import com.google.gson.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A subscription to store changes: one resource (or all when {@code resource} is null), one
 * namespace (or all) and an object filter. Events are queued by the writer under the store lock and
 * taken by the subscriber's own thread.
 */
public final class Watcher {
  private final ResourceType resource;
  private final String namespace;
  private final Predicate<JsonObject> filter;
  private final BlockingQueue<WatchEvent> queue = new LinkedBlockingQueue<>();
  private final boolean internal;
  private volatile boolean closed;

  Watcher(ResourceType resource, String namespace, Predicate<JsonObject> filter, boolean internal) {
    this.internal = internal;
    this.resource = resource;
    this.namespace = namespace;
    this.filter = filter == null ? o -> true : filter;
  }

  boolean covers(ResourceType type, JsonObject object) {
    return (resource == null || resource.equals(type))
        && (namespace == null || namespace.equals(Json.namespace(object)));
  }

  /** Queues the event as this watcher sees it: filter changes become ADDED or DELETED. */
  void offer(WatchEvent event) {
    if (closed || !covers(event.resource(), event.object())) {
      return;
    }
    boolean now = filter.test(event.object());
    if (event.type().equals(WatchEvent.MODIFIED) && event.previous() != null) {
      boolean before = filter.test(event.previous());
      if (before && !now) {
        queue.add(event.withType(WatchEvent.DELETED));
      } else if (!before && now) {
        queue.add(event.withType(WatchEvent.ADDED));
      } else if (now) {
        queue.add(event);
      }
    } else if (now) {
      queue.add(event);
    }
  }

  void enqueue(WatchEvent event) {
    queue.add(event);
  }

  /** The next event, or {@code null} after the timeout. A closed watcher yields a CLOSE event. */
  public WatchEvent poll(long timeoutMs) throws InterruptedException {
    if (closed) {
      return new WatchEvent(WatchEvent.CLOSE, resource, null, null, 0);
    }
    return queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
  }

  boolean isInternal() {
    return internal;
  }

  public boolean isClosed() {
    return closed;
  }

  void close() {
    closed = true;
    queue.add(new WatchEvent(WatchEvent.CLOSE, resource, null, null, 0));
  }

  ResourceType resource() {
    return resource;
  }
}
