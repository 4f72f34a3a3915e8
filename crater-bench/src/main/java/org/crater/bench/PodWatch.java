package org.crater.bench;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the pods of one namespace through the Kubernetes API (the simulated cluster or a real API
 * server alike) and records when each pod was first seen and first seen Running, held against when
 * its job was submitted.
 */
final class PodWatch implements AutoCloseable {

  private final ApiClient client;
  private final String namespace;
  private final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> createdAt = new ConcurrentHashMap<>();
  private final Map<String, Long> runningAt = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile Watch<V1Pod> watch;
  private volatile boolean closed;

  private PodWatch(ApiClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
    this.thread = new Thread(this::follow, "pod-watch");
    thread.setDaemon(true);
  }

  /** Starts watching; {@code client} has no read timeout. */
  static PodWatch start(ApiClient client, String namespace) {
    PodWatch pods = new PodWatch(client, namespace);
    pods.thread.start();
    return pods;
  }

  /** Records that the job of pod {@code name} was submitted at {@code nanoTime}. */
  void submitted(String name, long nanoTime) {
    submittedAt.put(name, nanoTime);
  }

  int submittedCount() {
    return submittedAt.size();
  }

  /** How many submitted jobs' pods were seen Running (pods from before the watch not counted). */
  int runningCount() {
    return runningMs().size();
  }

  /** Waits until every submitted job's pod was seen; false when the timeout passed first. */
  boolean awaitAllCreated(Duration timeout) throws InterruptedException {
    return awaitAll(createdAt, timeout);
  }

  /**
   * Waits until every submitted job's pod was seen Running; false when the timeout passed first.
   */
  boolean awaitAllRunning(Duration timeout) throws InterruptedException {
    return awaitAll(runningAt, timeout);
  }

  private boolean awaitAll(Map<String, Long> seen, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!seen.keySet().containsAll(submittedAt.keySet())) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /** When the last submitted job's pod was first seen Running (nanoTime), or 0 for none. */
  long lastRunning() {
    return submittedAt.keySet().stream()
        .map(runningAt::get)
        .filter(at -> at != null)
        .mapToLong(Long::longValue)
        .max()
        .orElse(0);
  }

  /** Submit → pod first seen, in ms, of every submitted job whose pod was seen. */
  List<Double> createdMs() {
    return latencies(createdAt);
  }

  /** Submit → pod first seen Running, in ms, of every submitted job whose pod ran. */
  List<Double> runningMs() {
    return latencies(runningAt);
  }

  private List<Double> latencies(Map<String, Long> seen) {
    List<Double> ms = new ArrayList<>();
    submittedAt.forEach(
        (name, start) -> {
          Long at = seen.get(name);
          if (at != null) {
            ms.add((at - start) / 1e6);
          }
        });
    return ms;
  }

  private void follow() {
    String resourceVersion = null;
    while (!closed) {
      try (Watch<V1Pod> w = open(resourceVersion)) {
        watch = w;
        for (Watch.Response<V1Pod> event : w) {
          if (event.object != null && event.object.getMetadata() != null) {
            resourceVersion = event.object.getMetadata().getResourceVersion();
            seen(event.object);
          }
        }
      } catch (Exception e) {
        if (!closed) {
          sleepQuietly();
        }
      }
    }
  }

  private Watch<V1Pod> open(String resourceVersion) throws Exception {
    return Watch.createWatch(
        client,
        new CoreV1Api(client)
            .listNamespacedPod(namespace)
            .watch(true)
            .resourceVersion(resourceVersion)
            .buildCall(null),
        new TypeToken<Watch.Response<V1Pod>>() {}.getType());
  }

  private void seen(V1Pod pod) {
    long now = System.nanoTime();
    String name = pod.getMetadata().getName();
    createdAt.putIfAbsent(name, now);
    if (pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())) {
      runningAt.putIfAbsent(name, now);
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    Watch<V1Pod> w = watch;
    if (w != null) {
      w.close();
    }
    thread.interrupt();
  }
}
