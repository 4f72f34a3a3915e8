package org.crater.bench.slurm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The throughput phase: {@code submitters} threads call {@code sbatch} back to back until the
 * phase's time (or call budget) is used up. The rate counts accepted jobs after the warm-up.
 */
final class SubmitThroughput {
  /** What the phase measured; {@code firstError} is empty when no call failed. */
  record Measured(
      int submitted, int failed, double seconds, double jobsPerSecond, String firstError) {}

  private static final Logger LOG = Logger.getLogger(SubmitThroughput.class.getName());
  private static final Duration SBATCH_TIMEOUT = Duration.ofSeconds(30);

  private final SlurmCommands slurm;
  private final SlurmConfig config;
  private final List<String> options;
  private final Deadline deadline;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicReference<String> firstError = new AtomicReference<>("");

  SubmitThroughput(
      SlurmCommands slurm, SlurmConfig config, String jobName, Path workDir, Deadline deadline) {
    this.slurm = slurm;
    this.config = config;
    this.deadline = deadline;
    this.options = JobMix.sbatchOptions(jobName, config.gpusPerJob(), workDir);
  }

  Measured run() throws InterruptedException {
    long start = System.nanoTime();
    Deadline end = earlier(Deadline.in(Duration.ofSeconds(config.submitSeconds())), deadline);
    ExecutorService pool = Executors.newFixedThreadPool(config.submitters());
    List<Future<List<Long>>> submitters = new ArrayList<>();
    for (int i = 0; i < config.submitters(); i++) {
      submitters.add(pool.submit(() -> submitUntil(end)));
    }
    pool.shutdown();
    if (!pool.awaitTermination(
        deadline.cap(Duration.ofDays(1)).toMillis(), TimeUnit.MILLISECONDS)) {
      pool.shutdownNow();
    }
    List<Long> acceptedAt = new ArrayList<>();
    for (Future<List<Long>> f : submitters) {
      acceptedAt.addAll(resultOf(f));
    }
    return measure(start, acceptedAt);
  }

  /** One submitter: the monotonic times at which its accepted {@code sbatch} calls returned. */
  private List<Long> submitUntil(Deadline end) {
    List<Long> acceptedAt = new ArrayList<>();
    String script = JobMix.sleep(config.jobSeconds());
    while (!end.passed() && claimCall()) {
      SlurmCommands.Submission s = slurm.sbatch(options, script, deadline.cap(SBATCH_TIMEOUT));
      if (s.jobId().isPresent()) {
        acceptedAt.add(System.nanoTime());
      } else {
        failed.incrementAndGet();
        firstError.compareAndSet("", s.error());
      }
    }
    return acceptedAt;
  }

  private boolean claimCall() {
    return config.submitMaxJobs() == 0 || calls.incrementAndGet() <= config.submitMaxJobs();
  }

  /**
   * The rate over the sustained window: from the end of the warm-up to the last accepted call. A
   * phase too short for a window after the warm-up is measured whole.
   */
  private Measured measure(long start, List<Long> acceptedAt) {
    long warmedUp = start + Duration.ofSeconds(config.warmupSeconds()).toNanos();
    long last = acceptedAt.stream().mapToLong(t -> t - start).max().orElse(0) + start;
    long inWindow = acceptedAt.stream().filter(t -> t - warmedUp >= 0).count();
    long windowStart = warmedUp;
    if (inWindow < 2 || last - warmedUp <= 0) {
      windowStart = start;
      inWindow = acceptedAt.size();
    }
    double seconds = Math.max(last - windowStart, 1) / 1e9;
    double rate = inWindow / seconds;
    LOG.info(
        String.format(
            "measured phase=throughput submitted=%d failed=%d windowS=%.2f jobsPerS=%.1f",
            acceptedAt.size(), failed.get(), seconds, rate));
    return new Measured(acceptedAt.size(), failed.get(), seconds, rate, firstError.get());
  }

  private static Deadline earlier(Deadline a, Deadline b) {
    return a.atNanos() - b.atNanos() <= 0 ? a : b;
  }

  private static List<Long> resultOf(Future<List<Long>> f) throws InterruptedException {
    try {
      // A submitter still running past the deadline is one whose last sbatch is being killed.
      return f.isDone() ? f.get() : List.of();
    } catch (ExecutionException e) {
      throw new IllegalStateException("submitter failed", e.getCause());
    }
  }
}
