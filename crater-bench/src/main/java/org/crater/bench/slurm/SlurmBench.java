package org.crater.bench.slurm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.crater.bench.Percentiles;

/**
 * The Slurm side of the benchmark, run against the Slurm that {@code crater-bench/slurm/start.sh}
 * started: first {@code sbatch} submit throughput, then submit → start latency with free GPUs.
 * Between and after the phases it cancels every job it submitted; the whole run, cleanup included,
 * ends by {@link SlurmConfig#deadlineSeconds()}.
 */
public final class SlurmBench {
  private static final Logger LOG = Logger.getLogger(SlurmBench.class.getName());
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);
  private static final long DRAIN_POLL_MS = 200;
  private static final String HINT =
      "install and start it with crater-bench/slurm/setup.sh and crater-bench/slurm/start.sh";

  private SlurmBench() {}

  /** Prints the result of one run as JSON; exits 2 on bad flags, 3 when Slurm is not there. */
  public static void main(String[] args) throws InterruptedException, IOException {
    SlurmConfig config;
    try {
      config = SlurmConfig.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("slurm-bench: " + e.getMessage());
      System.err.println(SlurmConfig.usage());
      System.exit(2);
      return;
    }
    Optional<String> unavailable = unavailableReason();
    if (unavailable.isPresent()) {
      System.err.println("slurm-bench: skipped: " + unavailable.get());
      System.exit(3);
      return;
    }
    SlurmResult result = run(config);
    System.out.println(
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
  }

  /** Whether {@code sbatch} and {@code sinfo} work and a node is up; logs why not. */
  public static boolean available() {
    Optional<String> reason = unavailableReason();
    reason.ifPresent(r -> LOG.warning("skipped slurm reason=\"" + r + "\""));
    return reason.isEmpty();
  }

  /**
   * Runs both phases and cancels what they submitted.
   *
   * @throws IllegalStateException when Slurm is not usable or its node offers too few GPUs
   */
  public static SlurmResult run(SlurmConfig config) throws InterruptedException {
    unavailableReason()
        .ifPresent(
            r -> {
              throw new IllegalStateException(r);
            });
    Deadline hard = Deadline.in(Duration.ofSeconds(config.deadlineSeconds()));
    Deadline work = hard.minus(Duration.ofSeconds(SlurmConfig.CLEANUP_SECONDS));
    Path dir = tempDir();
    SlurmCommands slurm = new SlurmCommands(dir);
    String jobName = "crater-bench-" + Long.toString(System.currentTimeMillis(), 36);
    List<String> notes = new ArrayList<>();
    try {
      SlurmCluster cluster = SlurmCluster.describe(slurm, CHECK_TIMEOUT);
      requireGpus(cluster, config);
      notes.add(cluster.summary());
      notes.add(summary(config));
      // Slurm and the submitters share this machine's cores: a busy machine shows in the numbers.
      notes.add(String.format("loadAverage1m=%.2f at start", loadAverage()));
      LOG.info("started slurm-bench job=" + jobName + " " + summary(config));
      SubmitThroughput.Measured t = new SubmitThroughput(slurm, config, jobName, dir, work).run();
      if (t.failed() > 0) {
        notes.add("throughput: " + t.failed() + " sbatch calls failed, first: " + t.firstError());
      }
      // The latency phase needs an idle node: the throughput phase left thousands queued.
      drain(slurm, jobName, work, notes);
      StartLatency.Measured l =
          new StartLatency(slurm, config, jobName, dir, cluster.gpus(), work).run();
      notes.addAll(l.notes());
      return result(t, l.latenciesMs(), notes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      drain(slurm, jobName, hard, new ArrayList<>());
      deleteTree(dir);
    }
  }

  private static Optional<String> unavailableReason() {
    SlurmCommands slurm = new SlurmCommands(Path.of(System.getProperty("java.io.tmpdir")));
    SlurmCommands.Outcome version = slurm.run(List.of("sbatch", "--version"), CHECK_TIMEOUT);
    if (!version.ok()) {
      return Optional.of("sbatch is not usable (" + version.error() + "); " + HINT);
    }
    SlurmCommands.Outcome nodes = slurm.run(List.of("sinfo", "-h", "-o", "%T"), CHECK_TIMEOUT);
    if (!nodes.ok()) {
      return Optional.of("sinfo cannot reach slurmctld (" + nodes.error() + "); " + HINT);
    }
    boolean up =
        nodes.stdout().lines().map(String::strip).anyMatch(s -> s.matches("idle|mixed|allocated"));
    return up
        ? Optional.empty()
        : Optional.of("no Slurm node is up (sinfo: " + nodes.stdout().strip() + "); " + HINT);
  }

  private static void requireGpus(SlurmCluster cluster, SlurmConfig config) {
    if (cluster.gpus() < config.gpusPerJob()) {
      throw new IllegalStateException(
          "Slurm offers " + cluster.gpus() + " GPUs, a job asks for " + config.gpusPerJob());
    }
  }

  /** Cancels the run's jobs and waits until none is queued, running or completing. */
  private static void drain(SlurmCommands slurm, String jobName, Deadline by, List<String> notes)
      throws InterruptedException {
    SlurmCommands.Outcome cancel = slurm.scancelByName(jobName, by.cap(CHECK_TIMEOUT));
    if (!cancel.ok()) {
      notes.add("drain: scancel failed: " + cancel.error());
    }
    long start = System.nanoTime();
    int left = -1;
    while (!by.passed()) {
      left = slurm.queuedByName(jobName, by.cap(CHECK_TIMEOUT));
      if (left == 0) {
        LOG.info("drained job=" + jobName + " tookMs=" + (System.nanoTime() - start) / 1_000_000);
        return;
      }
      Thread.sleep(DRAIN_POLL_MS);
    }
    notes.add("drain: " + left + " jobs still queued at the deadline");
    LOG.warning("gave up draining job=" + jobName + " left=" + left);
  }

  private static SlurmResult result(
      SubmitThroughput.Measured t, double[] latenciesMs, List<String> notes) {
    return new SlurmResult(
        t.submitted(),
        t.failed(),
        round(t.seconds()),
        round(t.jobsPerSecond()),
        latenciesMs.length,
        round(Percentiles.of(latenciesMs, 50)),
        round(Percentiles.of(latenciesMs, 95)),
        round(Percentiles.of(latenciesMs, 99)),
        notes);
  }

  private static String summary(SlurmConfig c) {
    return String.format(
        "submitters=%d submitSeconds=%d warmupSeconds=%d jobSeconds=%s gpusPerJob=%d"
            + " latencyJobs=%d latencyIntervalMs=%d",
        c.submitters(),
        c.submitSeconds(),
        c.warmupSeconds(),
        c.jobSeconds(),
        c.gpusPerJob(),
        c.latencyJobs(),
        c.latencyIntervalMs());
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static Double round(Double value) {
    return value == null ? null : Math.round(value * 10) / 10.0;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("crater-bench-slurm-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warning("left scratch dir=" + dir + " error=" + e.getMessage());
    }
  }
}
