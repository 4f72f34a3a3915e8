package org.crater.k8s.informer;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A list-then-watch cache of one resource, on client-java's {@link GenericKubernetesApi} and {@link
 * Watch}. client-java's own {@code SharedIndexInformer} starts private threads (a cached pool and
 * per-informer schedulers) that no container can manage; this one runs on exactly one thread from
 * the injected {@link ThreadFactory}. It relists after 410 Gone or any error (with capped backoff),
 * resumes watches from the last resourceVersion, and tells handlers about every difference, so
 * nothing is missed for long.
 *
 * @param <T> object type
 * @param <L> list type
 */
public final class Informer<T extends KubernetesObject, L extends KubernetesListObject> {

  private static final Logger LOG = Logger.getLogger(Informer.class.getName());
  private static final int WATCH_TIMEOUT_SECONDS = 300;
  private static final long QUICK_WATCH_NANOS = Duration.ofMillis(100).toNanos();
  private static final Duration QUICK_PAUSE = Duration.ofMillis(200);
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final String name;
  private final GenericKubernetesApi<T, L> api;
  private final String namespace;
  private final String labelSelector;
  private final InformerStore<T> store;
  private volatile boolean running;
  private volatile boolean synced;
  private volatile Watchable<T> currentWatch;
  private String lastResourceVersion;
  private Thread thread;

  /**
   * @param name used in thread names and logs
   * @param api the resource's API (built on a client with read timeout 0)
   * @param namespace namespace to watch, null for all
   * @param labelSelector server-side label selector, null for none
   * @param indexFn secondary index key of an object, null for no index
   */
  public Informer(
      String name,
      GenericKubernetesApi<T, L> api,
      String namespace,
      String labelSelector,
      Function<T, String> indexFn) {
    this.name = name;
    this.api = api;
    this.namespace = namespace;
    this.labelSelector = labelSelector;
    this.store = new InformerStore<>(name, indexFn);
  }

  /**
   * Registers a handler; call before {@link #start}. Handlers run on the informer thread: be quick.
   */
  public void addHandler(ResourceEventHandler<T> handler) {
    store.addHandler(handler);
  }

  /** Starts the list/watch loop on one thread from {@code threadFactory}. */
  public synchronized void start(ThreadFactory threadFactory) {
    if (thread != null) {
      throw new IllegalStateException("informer " + name + " already started");
    }
    running = true;
    thread = threadFactory.newThread(this::loop);
    thread.start();
  }

  /**
   * Stops the loop, closes the open watch and waits briefly for the thread to end; the cache keeps
   * its last content.
   */
  public synchronized void stop() {
    running = false;
    closeWatch();
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(STOP_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** True once the first list has been applied. */
  public boolean hasSynced() {
    return synced;
  }

  /** The cached object {@code namespace/name} (or {@code name} for cluster-scoped ones). */
  public Optional<T> get(String namespace, String name) {
    return store.get(namespace == null ? name : namespace + "/" + name);
  }

  /** Every cached object. */
  public Collection<T> list() {
    return store.list();
  }

  /** Cached objects whose index key is {@code key}. */
  public List<T> byIndex(String key) {
    return store.byIndex(key);
  }

  private void loop() {
    Duration backoff = Duration.ofMillis(200);
    while (running) {
      try {
        String rv = relist();
        synced = true;
        backoff = Duration.ofMillis(200);
        watchFrom(rv);
      } catch (Exception e) {
        if (!running) {
          break;
        }
        LOG.log(Level.FINE, "failed list/watch informer=" + name, e);
        LOG.warning(() -> "restarting informer=" + name + " cause=" + e.getClass().getSimpleName());
        if (!sleep(backoff)) {
          break;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                ? Duration.ofSeconds(30)
                : backoff.multipliedBy(2);
      }
    }
    LOG.fine(() -> "stopped informer=" + name);
  }

  private String relist() throws ApiException {
    ListOptions options = new ListOptions().labelSelector(labelSelector);
    KubernetesApiResponse<L> response =
        namespace == null ? api.list(options) : api.list(namespace, options);
    L list = response.throwsApiException().getObject();
    List<T> items = new ArrayList<>();
    for (KubernetesObject o : list.getItems()) {
      @SuppressWarnings("unchecked")
      T item = (T) o;
      items.add(item);
    }
    store.replace(items);
    return list.getMetadata() == null ? null : list.getMetadata().getResourceVersion();
  }

  /**
   * Watches until an error or 410 asks for a relist; a plain timeout resumes from the last version.
   */
  private void watchFrom(String resourceVersion) throws ApiException, IOException {
    lastResourceVersion = resourceVersion;
    while (running) {
      long opened = System.nanoTime();
      int events = watchOnce();
      // A server that ends watches at once must not turn this loop into a busy spin.
      if (events == 0 && System.nanoTime() - opened < QUICK_WATCH_NANOS && !sleep(QUICK_PAUSE)) {
        return;
      }
    }
  }

  /** One watch request; returns how many events it delivered. */
  private int watchOnce() throws ApiException, IOException {
    ListOptions options =
        new ListOptions()
            .labelSelector(labelSelector)
            .resourceVersion(lastResourceVersion)
            .timeoutSeconds(WATCH_TIMEOUT_SECONDS);
    int events = 0;
    try (Watchable<T> watch =
        namespace == null ? api.watch(options) : api.watch(namespace, options)) {
      currentWatch = watch;
      for (Watch.Response<T> event : watch) {
        events++;
        if ("ERROR".equals(event.type)) {
          int code =
              event.status == null || event.status.getCode() == null ? 0 : event.status.getCode();
          throw new ApiException(code, "watch error informer=" + name);
        }
        lastResourceVersion = apply(event, lastResourceVersion);
      }
    } finally {
      currentWatch = null;
    }
    return events;
  }

  private String apply(Watch.Response<T> event, String rv) {
    T obj = event.object;
    String next =
        obj == null || obj.getMetadata() == null ? null : obj.getMetadata().getResourceVersion();
    switch (event.type) {
      case "ADDED", "MODIFIED" -> store.upsert(obj);
      case "DELETED" -> store.remove(obj, false);
      default -> {
        // BOOKMARK: only the resourceVersion matters.
      }
    }
    return next == null ? rv : next;
  }

  private void closeWatch() {
    Watchable<T> w = currentWatch;
    if (w != null) {
      try {
        w.close();
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "failed close watch informer=" + name, e);
      }
    }
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
