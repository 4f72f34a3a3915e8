package org.crater.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** What the macro scenarios share: job bodies, users, parallel clients, waits and rows. */
final class ScenarioSupport {

  static final double MIB = 1024.0 * 1024.0;
  private static final String PASSWORD = "benchmark password";

  private ScenarioSupport() {}

  /** The body of a batch job submission. */
  static Map<String, Object> job(String slo, Map<String, String> resources, String script) {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "bench");
    job.put("kind", "BATCH");
    job.put("taskType", "TRAINING");
    job.put("slo", slo);
    job.put("image", "pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime");
    job.put("command", List.of("sh", "-c", script));
    job.put("resources", resources);
    return job;
  }

  /** Two CPUs, 8 GiB and {@code n} GPUs. */
  static Map<String, String> gpus(int n) {
    return Map.of("cpu", "2", "memory", "8Gi", "nvidia.com/gpu", Integer.toString(n));
  }

  /** Signs up {@code prefix-0} ... {@code prefix-(count-1)} over eight clients, in that order. */
  static List<Http> signUp(Stack stack, int count, String prefix) throws InterruptedException {
    Http anonymous = stack.anonymous();
    List<Http> users =
        Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, null)));
    AtomicInteger next = new AtomicInteger();
    parallel(
        Math.min(8, count),
        t -> {
          for (int i; (i = next.getAndIncrement()) < count; ) {
            users.set(i, anonymous.signUp(prefix + "-" + i, PASSWORD));
          }
        });
    return new ArrayList<>(users);
  }

  /** Waits until the admin job list counts at least {@code count} jobs in {@code phase}. */
  static void awaitCount(Http admin, String phase, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode page = admin.get("api/v1/admin/jobs?size=1&phase=" + phase).body();
      if (page.path("total").asLong() >= count) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "fewer than " + count + " jobs reached " + phase + " in " + timeout);
  }

  /** Waits until a metric of the stack reaches {@code value}. */
  static void awaitMetricAtLeast(Stack stack, String metric, double value, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!(stack.metric(metric) >= value)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(metric + " never reached " + value);
      }
      Thread.sleep(250);
    }
  }

  /** Milliseconds a read took; a read that does not answer 200 fails the scenario. */
  static double timed(Supplier<Http.Reply> call) {
    long t = System.nanoTime();
    Http.Reply reply = call.get();
    if (reply.status() != 200) {
      throw new IllegalStateException("read failed: " + reply.status() + " " + reply.text());
    }
    return (System.nanoTime() - t) / 1e6;
  }

  /** Runs {@code body} on {@code threads} threads (index 0 ...) and fails if any of them did. */
  static void parallel(int threads, IntConsumerWithException body) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicBoolean failed = new AtomicBoolean();
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      int index = t;
      pool.execute(
          () -> {
            try {
              body.accept(index);
            } catch (Exception e) {
              failed.set(true);
              errors.add(e);
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
      pool.shutdownNow();
      throw new IllegalStateException("a benchmark phase did not end in 30 minutes");
    }
    if (failed.get()) {
      throw new IllegalStateException("a client failed: " + errors.get(0), errors.get(0));
    }
  }

  /** The body of one client thread. */
  @FunctionalInterface
  interface IntConsumerWithException {
    void accept(int index) throws Exception;
  }

  /** The heap Crater's process uses now, as a row held against 512 MiB. */
  static Row heap(String scenario, Stack stack, String note) {
    return row(
        scenario, "heap used", stack.metric("memory_usedHeap_bytes") / MIB, "MiB", "<= 512", note);
  }

  static Row row(
      String scenario, String metric, double value, String unit, String target, String note) {
    return new Row(scenario, metric, value, unit, target, note);
  }
}
