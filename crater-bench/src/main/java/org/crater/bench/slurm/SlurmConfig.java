package org.crater.bench.slurm;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one Slurm run does. The job mix matches the Crater side: each job asks for {@code
 * gpusPerJob} GPUs and sleeps {@code jobSeconds}.
 *
 * @param submitters concurrent threads calling {@code sbatch} in the throughput phase
 * @param submitSeconds how long the throughput phase submits
 * @param submitMaxJobs stops the throughput phase after this many {@code sbatch} calls; 0 for no
 *     cap
 * @param warmupSeconds the first seconds of the throughput phase, left out of the rate
 * @param jobSeconds how long each job sleeps
 * @param gpusPerJob GPUs each job asks for
 * @param latencyJobs jobs submitted one by one, with free GPUs, in the latency phase
 * @param latencyIntervalMs least time between two submissions in the latency phase
 * @param deadlineSeconds hard limit for the whole run, cleanup included
 */
public record SlurmConfig(
    int submitters,
    int submitSeconds,
    int submitMaxJobs,
    int warmupSeconds,
    double jobSeconds,
    int gpusPerJob,
    int latencyJobs,
    int latencyIntervalMs,
    int deadlineSeconds) {

  /** Time kept back from the deadline for cancelling jobs and draining the queue. */
  static final int CLEANUP_SECONDS = 30;

  private static final Set<String> FLAGS =
      Set.of(
          "--submitters",
          "--submit-seconds",
          "--submit-max-jobs",
          "--warmup-seconds",
          "--job-seconds",
          "--gpus-per-job",
          "--latency-jobs",
          "--latency-interval-ms",
          "--deadline-seconds");

  public SlurmConfig {
    require(submitters >= 1, "submitters must be at least 1");
    require(submitSeconds >= 1, "submitSeconds must be at least 1");
    require(submitMaxJobs >= 0, "submitMaxJobs must not be negative");
    require(warmupSeconds >= 0 && warmupSeconds < submitSeconds, "warmup must be below submit");
    require(jobSeconds > 0, "jobSeconds must be positive");
    require(gpusPerJob >= 1, "gpusPerJob must be at least 1");
    require(latencyJobs >= 0, "latencyJobs must not be negative");
    require(latencyIntervalMs >= 0, "latencyIntervalMs must not be negative");
    require(
        deadlineSeconds > submitSeconds + CLEANUP_SECONDS,
        "deadlineSeconds must exceed submitSeconds + " + CLEANUP_SECONDS);
  }

  /** 20 s of submissions by 4 submitters, 50 latency jobs, 1 GPU and 1 s per job. */
  public static SlurmConfig defaults() {
    return new SlurmConfig(4, 20, 0, 2, 1.0, 1, 50, 200, 300);
  }

  /** Reads {@code --flag value} pairs over the defaults; see {@link #usage()}. */
  public static SlurmConfig parse(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String flag = args[i].toLowerCase(Locale.ROOT);
      if (!FLAGS.contains(flag)) {
        throw new IllegalArgumentException("unknown flag " + args[i]);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + args[i]);
      }
      flags.put(flag, args[i + 1]);
    }
    SlurmConfig d = defaults();
    return new SlurmConfig(
        integer(flags, "--submitters", d.submitters()),
        integer(flags, "--submit-seconds", d.submitSeconds()),
        integer(flags, "--submit-max-jobs", d.submitMaxJobs()),
        integer(flags, "--warmup-seconds", d.warmupSeconds()),
        Double.parseDouble(flags.getOrDefault("--job-seconds", Double.toString(d.jobSeconds()))),
        integer(flags, "--gpus-per-job", d.gpusPerJob()),
        integer(flags, "--latency-jobs", d.latencyJobs()),
        integer(flags, "--latency-interval-ms", d.latencyIntervalMs()),
        integer(flags, "--deadline-seconds", d.deadlineSeconds()));
  }

  public static String usage() {
    return "usage: SlurmBench [--submitters 4] [--submit-seconds 20] [--submit-max-jobs 0]"
        + " [--warmup-seconds 2] [--job-seconds 1] [--gpus-per-job 1] [--latency-jobs 50]"
        + " [--latency-interval-ms 200] [--deadline-seconds 300]";
  }

  private static int integer(Map<String, String> flags, String flag, int otherwise) {
    String v = flags.get(flag);
    return v == null ? otherwise : Integer.parseInt(v);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
