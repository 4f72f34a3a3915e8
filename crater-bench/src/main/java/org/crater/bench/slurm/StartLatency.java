package org.crater.bench.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The latency phase: jobs go in one at a time, each only while the node has a free GPU for it, and
 * each job's script writes {@code date +%s.%N} the moment it starts. Latency runs from the instant
 * before {@code sbatch} is called to that timestamp; both read the same real-time clock.
 */
final class StartLatency {
  /** What the phase measured: one latency per job whose start was seen, and what went wrong. */
  record Measured(double[] latenciesMs, List<String> notes) {}

  private static final Logger LOG = Logger.getLogger(StartLatency.class.getName());
  private static final Duration SBATCH_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SQUEUE_TIMEOUT = Duration.ofSeconds(10);
  private static final long POLL_MS = 20;

  private final SlurmCommands slurm;
  private final SlurmConfig config;
  private final String jobName;
  private final Path dir;
  private final int capacity;
  private final Deadline deadline;
  private final List<String> notes = new ArrayList<>();

  /**
   * @param clusterGpus the GPUs the node offers; at most that many GPUs are ever asked for
   */
  StartLatency(
      SlurmCommands slurm,
      SlurmConfig config,
      String jobName,
      Path dir,
      int clusterGpus,
      Deadline deadline) {
    this.slurm = slurm;
    this.config = config;
    this.jobName = jobName;
    this.dir = dir;
    this.capacity = Math.max(clusterGpus / config.gpusPerJob(), 1);
    this.deadline = deadline;
  }

  Measured run() throws InterruptedException, IOException {
    long[] submittedAt = new long[config.latencyJobs()];
    boolean[] accepted = new boolean[config.latencyJobs()];
    long interval = config.latencyIntervalMs() * 1_000_000L;
    long lastSubmit = System.nanoTime() - interval;
    for (int i = 0; i < submittedAt.length && !deadline.passed(); i++) {
      // 1. Wait until the queue holds fewer jobs than the node has room for.
      if (!waitForFreeGpu()) {
        break;
      }
      // 2. Keep the submissions at least the configured interval apart.
      sleepUntil(lastSubmit + interval);
      lastSubmit = System.nanoTime();
      // 3. Take the submit time just before sbatch starts, then submit.
      submittedAt[i] = epochNanos(Instant.now());
      accepted[i] = submit(i);
    }
    waitForStarts(accepted);
    return new Measured(latencies(submittedAt, accepted), List.copyOf(notes));
  }

  private boolean waitForFreeGpu() throws InterruptedException {
    while (!deadline.passed()) {
      if (slurm.queuedByName(jobName, deadline.cap(SQUEUE_TIMEOUT)) < capacity) {
        return true;
      }
      Thread.sleep(POLL_MS);
    }
    notes.add("latency: deadline passed while waiting for a free GPU");
    return false;
  }

  private boolean submit(int i) {
    Path tmp = dir.resolve(i + ".tmp");
    String script =
        "date +%s.%N > "
            + tmp
            + " && mv "
            + tmp
            + " "
            + startFile(i)
            + "; "
            + JobMix.sleep(config.jobSeconds());
    List<String> options = JobMix.sbatchOptions(jobName, config.gpusPerJob(), dir);
    SlurmCommands.Submission s = slurm.sbatch(options, script, deadline.cap(SBATCH_TIMEOUT));
    if (s.jobId().isEmpty() && notes.stream().noneMatch(n -> n.startsWith("latency: sbatch"))) {
      notes.add("latency: sbatch failed: " + s.error());
    }
    return s.jobId().isPresent();
  }

  private void waitForStarts(boolean[] accepted) throws InterruptedException {
    while (!deadline.passed()) {
      boolean all = true;
      for (int i = 0; i < accepted.length && all; i++) {
        all = !accepted[i] || Files.exists(startFile(i));
      }
      if (all) {
        return;
      }
      Thread.sleep(POLL_MS);
    }
  }

  private double[] latencies(long[] submittedAt, boolean[] accepted) throws IOException {
    List<Double> ms = new ArrayList<>();
    int missing = 0;
    for (int i = 0; i < accepted.length; i++) {
      if (!accepted[i]) {
        continue;
      }
      if (!Files.exists(startFile(i))) {
        missing++;
        continue;
      }
      long started = SlurmOutput.epochNanos(Files.readString(startFile(i)));
      ms.add((started - submittedAt[i]) / 1e6);
    }
    if (missing > 0) {
      notes.add("latency: " + missing + " accepted jobs had not started by the deadline");
    }
    LOG.info("measured phase=latency jobs=" + ms.size() + " missing=" + missing);
    return ms.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private Path startFile(int i) {
    return dir.resolve(i + ".start");
  }

  private static long epochNanos(Instant now) {
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
    }
  }
}
