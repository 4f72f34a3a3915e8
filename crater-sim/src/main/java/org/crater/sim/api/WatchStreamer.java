package org.crater.sim.api;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Serves {@code ?watch=true} as newline-delimited JSON over chunked HTTP. A too-old resourceVersion
 * gives one ERROR event carrying a 410 Status, as the real API server does.
 */
final class WatchStreamer {
  private static final long DEFAULT_TIMEOUT_MS = 30 * 60 * 1000L;

  private final Store store;
  private final long bookmarkIntervalMs;

  WatchStreamer(Store store, long bookmarkIntervalMs) {
    this.store = store;
    this.bookmarkIntervalMs = bookmarkIntervalMs;
  }

  void stream(HttpExchange ex, Route r, Map<String, String> q, Predicate<JsonObject> filter)
      throws IOException {
    Long since = sinceRv(q.get("resourceVersion"));
    boolean bookmarks = "true".equals(q.get("allowWatchBookmarks"));
    long timeoutMs =
        q.containsKey("timeoutSeconds")
            ? Long.parseLong(q.get("timeoutSeconds")) * 1000
            : DEFAULT_TIMEOUT_MS;
    Watcher watcher;
    try {
      watcher = store.watch(r.type(), r.namespace(), filter, since);
    } catch (ApiError e) {
      OutputStream out = HttpIo.startStream(ex, "application/json");
      HttpIo.writeLine(out, line(WatchEvent.ERROR, e.toStatus()));
      out.close();
      return;
    }
    try (OutputStream out = HttpIo.startStream(ex, "application/json")) {
      pump(watcher, out, r.type(), bookmarks, System.currentTimeMillis() + timeoutMs);
    } catch (IOException e) {
      // The client went away; nothing to tell it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      store.unwatch(watcher);
    }
  }

  private void pump(
      Watcher watcher, OutputStream out, ResourceType type, boolean bookmarks, long deadline)
      throws IOException, InterruptedException {
    long nextBookmark = System.currentTimeMillis() + bookmarkIntervalMs;
    while (true) {
      long now = System.currentTimeMillis();
      if (now >= deadline) {
        return;
      }
      if (bookmarks && now >= nextBookmark) {
        store.bookmark(watcher);
        nextBookmark = now + bookmarkIntervalMs;
      }
      long wait = Math.min(deadline, bookmarks ? nextBookmark : deadline) - now;
      WatchEvent event = watcher.poll(Math.max(1, wait));
      if (event == null) {
        continue;
      }
      if (event.type().equals(WatchEvent.CLOSE)) {
        return;
      }
      JsonObject object =
          event.type().equals(WatchEvent.BOOKMARK)
              ? bookmarkObject(type, event.rv())
              : event.object();
      HttpIo.writeLine(out, line(event.type(), object));
    }
  }

  private static Long sinceRv(String rv) {
    if (rv == null || rv.isEmpty() || rv.equals("0")) {
      return null;
    }
    try {
      return Long.parseLong(rv);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid resourceVersion " + rv);
    }
  }

  private static JsonObject bookmarkObject(ResourceType type, long rv) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", type.kind());
    o.addProperty("apiVersion", type.apiVersion());
    JsonObject meta = new JsonObject();
    meta.addProperty("resourceVersion", Long.toString(rv));
    o.add("metadata", meta);
    return o;
  }

  private static String line(String type, JsonObject object) {
    JsonObject event = new JsonObject();
    event.addProperty("type", type);
    event.add("object", object);
    return Json.write(event);
  }
}
