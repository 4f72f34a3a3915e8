package org.crater.bench.slurm;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * The jobs both phases submit, kept like the Crater side's: a fixed number of GPUs and a sleep,
 * output discarded, all under one job name so that one {@code scancel} removes the lot.
 */
final class JobMix {
  private JobMix() {}

  static List<String> sbatchOptions(String jobName, int gpusPerJob, Path workDir) {
    return List.of(
        "--job-name=" + jobName,
        "--gres=gpu:" + gpusPerJob,
        "--output=/dev/null",
        "--chdir=" + workDir);
  }

  static String sleep(double seconds) {
    return "sleep " + BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
  }
}
