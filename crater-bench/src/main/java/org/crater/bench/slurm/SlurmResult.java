package org.crater.bench.slurm;

import java.util.List;

/**
 * What one Slurm run measured. The percentiles are null when the latency phase measured no job.
 *
 * @param submitted jobs {@code sbatch} accepted in the throughput phase
 * @param failed {@code sbatch} calls that failed or timed out in the throughput phase
 * @param seconds length of the sustained window the rate is taken over (warm-up left out)
 * @param jobsPerSecond accepted jobs per second over that window
 * @param latencyJobs latency-phase jobs whose start was seen
 * @param p50Ms median submit → start latency in milliseconds
 * @param p95Ms 95th percentile submit → start latency in milliseconds
 * @param p99Ms 99th percentile submit → start latency in milliseconds
 * @param notes what a reader of the numbers should know: settings, errors, shortfalls
 */
public record SlurmResult(
    int submitted,
    int failed,
    double seconds,
    double jobsPerSecond,
    int latencyJobs,
    Double p50Ms,
    Double p95Ms,
    Double p99Ms,
    List<String> notes) {

  public SlurmResult {
    notes = List.copyOf(notes);
  }
}
