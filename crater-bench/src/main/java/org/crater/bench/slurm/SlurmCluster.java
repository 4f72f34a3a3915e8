package org.crater.bench.slurm;

import java.time.Duration;
import java.util.List;

/** What the benchmark reports about the Slurm it ran against. */
record SlurmCluster(int gpus, String version, String schedulerType, String schedulerParameters) {

  static SlurmCluster describe(SlurmCommands slurm, Duration timeout) {
    String gres = slurm.run(List.of("sinfo", "-h", "-o", "%G"), timeout).stdout();
    String version = slurm.run(List.of("sinfo", "--version"), timeout).stdout().strip();
    String config = slurm.run(List.of("scontrol", "show", "config"), timeout).stdout();
    return new SlurmCluster(
        SlurmOutput.gpus(gres),
        version,
        SlurmOutput.configValue(config, "SchedulerType"),
        SlurmOutput.configValue(config, "SchedulerParameters"));
  }

  String summary() {
    return version
        + " gpus="
        + gpus
        + " SchedulerType="
        + schedulerType
        + " SchedulerParameters="
        + schedulerParameters
        + ("(null)".equals(schedulerParameters) ? " (defaults: batch_sched_delay=3)" : "");
  }
}
