package org.crater.k8s.informer;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.cache.Caches;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cache behind an {@link Informer}: objects keyed {@code namespace/name}, an optional secondary
 * index, and the handlers told about every change. Writes come from the informer's one thread;
 * reads are safe from any thread. A handler that throws is logged and does not stop the others.
 *
 * @param <T> object type
 */
final class InformerStore<T extends KubernetesObject> {

  private static final Logger LOG = Logger.getLogger(InformerStore.class.getName());

  private final String name;
  private final Function<T, String> indexFn;
  private final ConcurrentHashMap<String, T> items = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<String>> index = new ConcurrentHashMap<>();
  private final List<ResourceEventHandler<T>> handlers = new CopyOnWriteArrayList<>();

  InformerStore(String name, Function<T, String> indexFn) {
    this.name = name;
    this.indexFn = indexFn;
  }

  void addHandler(ResourceEventHandler<T> handler) {
    handlers.add(handler);
  }

  Optional<T> get(String key) {
    return Optional.ofNullable(items.get(key));
  }

  Collection<T> list() {
    return List.copyOf(items.values());
  }

  List<T> byIndex(String indexKey) {
    Set<String> keys = index.get(indexKey);
    if (keys == null) {
      return List.of();
    }
    List<T> out = new ArrayList<>();
    for (String k : keys) {
      T item = items.get(k);
      if (item != null) {
        out.add(item);
      }
    }
    return out;
  }

  /** Applies one watch event. */
  void upsert(T obj) {
    String key = Caches.metaNamespaceKeyFunc(obj);
    T old = items.put(key, obj);
    reindex(key, old, obj);
    if (old == null) {
      notify(h -> h.onAdd(obj));
    } else {
      notify(h -> h.onUpdate(old, obj));
    }
  }

  /** Applies a DELETED watch event (or a disappearance found by a relist). */
  void remove(T obj, boolean finalStateUnknown) {
    String key = Caches.metaNamespaceKeyFunc(obj);
    T old = items.remove(key);
    reindex(key, old, null);
    T last = finalStateUnknown && old != null ? old : obj;
    notify(h -> h.onDelete(last, finalStateUnknown));
  }

  /** Replaces the whole content after a list, telling handlers about each difference. */
  void replace(List<T> fresh) {
    Map<String, T> byKey = new HashMap<>();
    for (T obj : fresh) {
      byKey.put(Caches.metaNamespaceKeyFunc(obj), obj);
    }
    for (Map.Entry<String, T> e : Map.copyOf(items).entrySet()) {
      if (!byKey.containsKey(e.getKey())) {
        remove(e.getValue(), true);
      }
    }
    for (T obj : fresh) {
      T old = items.get(Caches.metaNamespaceKeyFunc(obj));
      if (old == null || !resourceVersion(old).equals(resourceVersion(obj))) {
        upsert(obj);
      }
    }
  }

  private void reindex(String key, T old, T now) {
    if (indexFn == null) {
      return;
    }
    String before = old == null ? null : indexFn.apply(old);
    String after = now == null ? null : indexFn.apply(now);
    if (before != null && !before.equals(after)) {
      index.computeIfPresent(
          before,
          (k, set) -> {
            set.remove(key);
            return set.isEmpty() ? null : set;
          });
    }
    if (after != null) {
      index.computeIfAbsent(after, k -> ConcurrentHashMap.newKeySet()).add(key);
    }
  }

  private void notify(java.util.function.Consumer<ResourceEventHandler<T>> call) {
    for (ResourceEventHandler<T> h : handlers) {
      try {
        call.accept(h);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "failed handler informer=" + name, e);
      }
    }
  }

  private static String resourceVersion(KubernetesObject obj) {
    String rv = obj.getMetadata() == null ? null : obj.getMetadata().getResourceVersion();
    return rv == null ? "" : rv;
  }
}
