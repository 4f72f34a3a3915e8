package org.crater.bench.faults;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that submit short jobs until stopped, one thread per user, each job with a unique name,
 * and record every answer (or the lack of one) with its time.
 */
final class Burst {

  /**
   * What one submission got.
   *
   * @param atMs when the answer came, from the start of the run
   * @param name the job's unique name
   * @param status the HTTP status, or -1 when no answer came in time (a hang), -2 on an I/O error
   * @param code the problem code of an error answer
   * @param retryAfter the Retry-After header of the answer
   * @param millis how long it took
   * @param jobId the id of an accepted job, else 0
   */
  record Outcome(
      long atMs, String name, int status, String code, String retryAfter, long millis, long jobId) {

    boolean accepted() {
      return status == 201;
    }

    /** A clear "come back later": 503 with Retry-After. */
    boolean unavailable() {
      return status == 503 && retryAfter != null;
    }
  }

  private final HttpJson api;
  private final List<String> tokens;
  private final Duration pause;
  private final long startNanos;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicInteger sequence = new AtomicInteger();
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private ExecutorService clients;

  Burst(HttpJson api, List<String> tokens, Duration pause, long startNanos) {
    this.api = api;
    this.tokens = tokens;
    this.pause = pause;
    this.startNanos = startNanos;
  }

  void start() {
    clients = Executors.newFixedThreadPool(tokens.size());
    for (String token : tokens) {
      clients.execute(() -> submitUntilStopped(token));
    }
  }

  /** Stops the clients and waits for their last requests. */
  List<Outcome> stop() throws InterruptedException {
    stopped.set(true);
    clients.shutdown();
    if (!clients.awaitTermination(120, TimeUnit.SECONDS)) {
      clients.shutdownNow();
    }
    return new ArrayList<>(outcomes);
  }

  private void submitUntilStopped(String token) {
    while (!stopped.get()) {
      String name = "burst-" + sequence.incrementAndGet();
      outcomes.add(submit(token, name));
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Outcome submit(String token, String name) {
    long start = System.nanoTime();
    try {
      HttpJson.Reply r = api.send("POST", "api/v1/jobs", token, job(name));
      long id = r.status() == 201 ? r.body().path("id").asLong() : 0;
      return new Outcome(now(), name, r.status(), r.code(), r.retryAfter(), r.millis(), id);
    } catch (HttpTimeoutException e) {
      return new Outcome(now(), name, -1, "no-answer", null, since(start), 0);
    } catch (IOException e) {
      return new Outcome(now(), name, -2, "io-error", null, since(start), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(now(), name, -2, "interrupted", null, since(start), 0);
    }
  }

  private long now() {
    return since(startNanos);
  }

  private static long since(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** A best-effort one-GPU job that runs two seconds on the simulated cluster. */
  static Map<String, Object> job(String name) {
    Map<String, Object> job = new HashMap<>();
    job.put("name", name);
    job.put("kind", "BATCH");
    job.put("taskType", "EXPERIMENT");
    job.put("slo", "BEST_EFFORT");
    job.put("image", "busybox:1.36");
    job.put("command", List.of("sh", "-c", "sleep 2"));
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi", "nvidia.com/gpu", "1"));
    return job;
  }
}
