package org.crater.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crater.sim.SimCluster;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.WatchEvent;
import org.crater.sim.api.Watcher;

/**
 * When each pod of the simulated cluster was created, watched from the cluster's store, held
 * against when its job was submitted.
 */
final class PodCreations implements AutoCloseable {

  private final SimCluster sim;
  private final Watcher pods;
  private final Thread thread;
  private final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> createdAt = new ConcurrentHashMap<>();

  private PodCreations(SimCluster sim) {
    this.sim = sim;
    this.pods = sim.store().subscribe(ResourceRegistry.PODS);
    this.thread = new Thread(this::follow);
  }

  /** Starts watching the pods of {@code sim}. */
  static PodCreations watch(SimCluster sim) {
    PodCreations creations = new PodCreations(sim);
    creations.thread.start();
    return creations;
  }

  /** Records that the job of pod {@code name} was submitted at {@code nanoTime}. */
  void submitted(String name, long nanoTime) {
    submittedAt.put(name, nanoTime);
  }

  int submittedCount() {
    return submittedAt.size();
  }

  /** Waits until every submitted job has its pod, or the timeout passes. */
  void awaitAll(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!createdAt.keySet().containsAll(submittedAt.keySet()) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /** Submit → pod created of every submitted job whose pod was created, in milliseconds. */
  List<Double> latenciesMs() {
    List<Double> latencies = new ArrayList<>();
    submittedAt.forEach(
        (name, start) -> {
          Long created = createdAt.get(name);
          if (created != null) {
            latencies.add((created - start) / 1e6);
          }
        });
    return latencies;
  }

  private void follow() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        WatchEvent event = pods.poll(200);
        if (event != null && WatchEvent.ADDED.equals(event.type())) {
          String name = event.object().getAsJsonObject("metadata").get("name").getAsString();
          createdAt.putIfAbsent(name, System.nanoTime());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    thread.interrupt();
    sim.store().unwatch(pods);
  }
}
