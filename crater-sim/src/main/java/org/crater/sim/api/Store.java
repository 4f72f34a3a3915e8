package org.crater.sim.api;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The object store. Objects are never mutated once stored; reads need no lock, writes take one
 * lock, bump the global resourceVersion and append to the {@link EventLog}. {@link #committedRv()}
 * only advances after an object is visible, so a list taken after reading it is never behind it.
 */
public final class Store {
  private final Object lock = new Object();
  private final ResourceRegistry registry;
  private final Map<ResourceType, ConcurrentSkipListMap<String, JsonObject>> data =
      new ConcurrentHashMap<>();
  private final OwnerIndex owners = new OwnerIndex();
  private final EventLog log;
  private long rv;
  private volatile long committedRv;

  /** A page of a list: the items, the list's resourceVersion and the key to continue after. */
  public record Page(List<JsonObject> items, long rv, String nextKey) {}

  public Store(ResourceRegistry registry, int historySize) {
    this.registry = registry;
    this.log = new EventLog(historySize);
    for (ResourceType t : registry.all()) {
      data.put(t, new ConcurrentSkipListMap<>());
    }
  }

  public ResourceRegistry registry() {
    return registry;
  }

  public long committedRv() {
    return committedRv;
  }

  public Optional<JsonObject> find(ResourceType t, String ns, String name) {
    return Optional.ofNullable(data.get(t).get(t.key(ns, name)));
  }

  public JsonObject get(ResourceType t, String ns, String name) {
    return find(t, ns, name).orElseThrow(() -> ApiError.notFound(t, name));
  }

  /** A live, weakly consistent view of the objects of one resource (one namespace if given). */
  public Collection<JsonObject> list(ResourceType t, String ns) {
    return range(t, ns).values();
  }

  public int count(ResourceType t) {
    return data.get(t).size();
  }

  /** Up to {@code limit} (0 = all) matching objects after {@code afterKey}, in key order. */
  public Page page(
      ResourceType t, String ns, Predicate<JsonObject> filter, String afterKey, int limit) {
    long listRv = committedRv;
    NavigableMap<String, JsonObject> m = range(t, ns);
    if (afterKey != null) {
      m = m.tailMap(afterKey, false);
    }
    List<JsonObject> items = new ArrayList<>();
    String lastKey = null;
    for (Map.Entry<String, JsonObject> e : m.entrySet()) {
      if (!filter.test(e.getValue())) {
        continue;
      }
      if (limit > 0 && items.size() == limit) {
        return new Page(items, listRv, lastKey);
      }
      items.add(e.getValue());
      lastKey = e.getKey();
    }
    return new Page(items, listRv, null);
  }

  private NavigableMap<String, JsonObject> range(ResourceType t, String ns) {
    ConcurrentSkipListMap<String, JsonObject> m = data.get(t);
    if (ns == null || !t.namespaced()) {
      return m;
    }
    return m.subMap(ns + "/", true, ns + "/\uffff", true);
  }

  public JsonObject create(ResourceType t, String ns, JsonObject body) {
    JsonObject obj = ObjectRules.prepareCreate(t, ns, body);
    synchronized (lock) {
      if (t.namespaced() && data.get(ResourceRegistry.NAMESPACES).get(ns) == null) {
        throw ApiError.notFound(ResourceRegistry.NAMESPACES, ns);
      }
      String name = ObjectRules.assignName(obj, n -> data.get(t).containsKey(t.key(ns, n)));
      if (data.get(t).containsKey(t.key(ns, name))) {
        throw ApiError.alreadyExists(t, name);
      }
      if (t.equals(ResourceRegistry.PODS)) {
        ObjectRules.resolvePriority(obj, data.get(ResourceRegistry.PRIORITY_CLASSES)::get);
      }
      commit(t, t.key(ns, name), null, obj, WatchEvent.ADDED);
      return obj;
    }
  }

  /** Replaces an object (PUT). A non-empty resourceVersion in the body must be current. */
  public JsonObject replace(
      ResourceType t, String ns, String name, JsonObject body, boolean status) {
    return modify(t, ns, name, old -> body.deepCopy(), status);
  }

  /**
   * Changes an object through {@code change}, which gets a private copy. The main resource keeps
   * its status, the status subresource changes only status; an unchanged result is a no-op.
   */
  public JsonObject modify(
      ResourceType t, String ns, String name, UnaryOperator<JsonObject> change, boolean status) {
    return modify(t, ns, name, change, status ? Part.STATUS : Part.MAIN);
  }

  /** As {@link #modify(ResourceType, String, String, UnaryOperator, boolean)} for any part. */
  JsonObject modify(
      ResourceType t, String ns, String name, UnaryOperator<JsonObject> change, Part part) {
    synchronized (lock) {
      String key = t.key(ns, name);
      JsonObject old = data.get(t).get(key);
      if (old == null) {
        throw ApiError.notFound(t, name);
      }
      JsonObject next = ObjectRules.merge(t, old, change.apply(old.deepCopy()), part);
      if (next.equals(old)) {
        return old;
      }
      commit(t, key, old, next, WatchEvent.MODIFIED);
      if (Json.at(next, "metadata.deletionTimestamp") != null && !hasFinalizers(next)) {
        return deleteLocked(t, key, next, false);
      }
      return next;
    }
  }

  /** Deletes an object; with finalizers it is only marked. Dependents go too unless orphaned. */
  public JsonObject delete(ResourceType t, String ns, String name, boolean orphan) {
    synchronized (lock) {
      String key = t.key(ns, name);
      JsonObject old = data.get(t).get(key);
      if (old == null) {
        throw ApiError.notFound(t, name);
      }
      return deleteLocked(t, key, old, orphan);
    }
  }

  /** Deletes every matching object of one resource (one namespace if given). */
  public List<JsonObject> deleteAll(ResourceType t, String ns, Predicate<JsonObject> filter) {
    synchronized (lock) {
      List<JsonObject> deleted = new ArrayList<>();
      for (Map.Entry<String, JsonObject> e : new ArrayList<>(range(t, ns).entrySet())) {
        if (filter.test(e.getValue()) && data.get(t).containsKey(e.getKey())) {
          deleted.add(deleteLocked(t, e.getKey(), e.getValue(), false));
        }
      }
      return deleted;
    }
  }

  private JsonObject deleteLocked(ResourceType t, String key, JsonObject old, boolean orphan) {
    if (hasFinalizers(old)) {
      if (Json.at(old, "metadata.deletionTimestamp") != null) {
        return old;
      }
      JsonObject marked = old.deepCopy();
      Json.meta(marked).addProperty("deletionTimestamp", Json.now());
      Json.meta(marked).addProperty("deletionGracePeriodSeconds", 0);
      commit(t, key, old, marked, WatchEvent.MODIFIED);
      return marked;
    }
    data.get(t).remove(key);
    JsonObject gone = old.deepCopy();
    Json.meta(gone).addProperty("resourceVersion", Long.toString(++rv));
    owners.update(new OwnerIndex.Ref(t, key), old, null);
    log.append(new WatchEvent(WatchEvent.DELETED, t, gone, null, rv));
    committedRv = rv;
    if (t.equals(ResourceRegistry.NAMESPACES)) {
      deleteNamespaceContents(Json.name(old));
    }
    if (!orphan) {
      deleteDependents(Json.uid(old));
    }
    return gone;
  }

  private void deleteNamespaceContents(String ns) {
    for (ResourceType t : registry.all()) {
      if (t.namespaced()) {
        for (Map.Entry<String, JsonObject> e : new ArrayList<>(range(t, ns).entrySet())) {
          deleteLocked(t, e.getKey(), e.getValue(), false);
        }
      }
    }
  }

  private void deleteDependents(String ownerUid) {
    for (OwnerIndex.Ref ref : owners.removeDependents(ownerUid)) {
      JsonObject dependent = data.get(ref.type()).get(ref.key());
      if (dependent != null) {
        deleteLocked(ref.type(), ref.key(), dependent, false);
      }
    }
  }

  private static boolean hasFinalizers(JsonObject obj) {
    return Json.arr(obj, "metadata.finalizers").size() > 0;
  }

  private void commit(ResourceType t, String key, JsonObject old, JsonObject next, String type) {
    Json.meta(next).addProperty("resourceVersion", Long.toString(++rv));
    data.get(t).put(key, next);
    owners.update(new OwnerIndex.Ref(t, key), old, next);
    log.append(new WatchEvent(type, t, next, old, rv));
    committedRv = rv;
  }

  /** Opens an HTTP watch: current objects as ADDED when {@code sinceRv} is null, else a replay. */
  public Watcher watch(ResourceType t, String ns, Predicate<JsonObject> filter, Long sinceRv) {
    Watcher w = new Watcher(t, ns, filter, false);
    synchronized (lock) {
      return log.register(w, sinceRv, list(t, ns));
    }
  }

  /** Subscribes an in-process actor to future changes of one resource, or of all when null. */
  public Watcher subscribe(ResourceType t) {
    Watcher w = new Watcher(t, null, null, true);
    synchronized (lock) {
      return log.register(w, committedRv, List.of());
    }
  }

  public void unwatch(Watcher w) {
    synchronized (lock) {
      log.unregister(w);
    }
  }

  /** Queues a BOOKMARK at the current version behind everything already queued for {@code w}. */
  public void bookmark(Watcher w) {
    synchronized (lock) {
      w.enqueue(new WatchEvent(WatchEvent.BOOKMARK, w.resource(), null, null, committedRv));
    }
  }

  /** Fails with 410 when changes after {@code since} are no longer in the history. */
  public void checkNotCompacted(long since) {
    synchronized (lock) {
      log.checkNotCompacted(since);
    }
  }

  /** Ends every HTTP watch stream (clients reconnect and resume from their last version). */
  public void dropWatches() {
    synchronized (lock) {
      log.closeExternal();
    }
  }

  /** Removes every object; HTTP watchers are closed and older versions become 410. */
  public void reset() {
    synchronized (lock) {
      data.values().forEach(Map::clear);
      owners.clear();
      // A fresh version: watches and continue tokens from before the reset get 410 and re-list.
      committedRv = ++rv;
      log.reset(rv);
    }
  }

  public void close() {
    synchronized (lock) {
      log.closeAll();
    }
  }
}
