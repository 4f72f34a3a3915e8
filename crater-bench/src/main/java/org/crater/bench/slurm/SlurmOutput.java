package org.crater.bench.slurm;

import java.math.BigDecimal;
import java.util.OptionalLong;

/** Parses the few Slurm command outputs the benchmark reads. */
final class SlurmOutput {
  private SlurmOutput() {}

  /**
   * The job id in {@code sbatch --parsable} output: {@code "123"} or {@code "123;cluster"} on the
   * last non-blank line. Empty when there is none.
   */
  static OptionalLong jobId(String stdout) {
    String[] lines = stdout.strip().split("\\R");
    String id = lines[lines.length - 1].strip();
    int semicolon = id.indexOf(';');
    if (semicolon >= 0) {
      id = id.substring(0, semicolon);
    }
    if (id.isEmpty() || !id.chars().allMatch(Character::isDigit) || id.length() > 18) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(id));
  }

  /**
   * The GPUs in {@code sinfo -h -o %G} output, one line per node group, for example {@code
   * gpu:a100:8} or {@code gpu:a100:8(S:0),gpu:h100:4}. A {@code gpu} entry without a count is one.
   */
  static int gpus(String stdout) {
    int total = 0;
    for (String line : stdout.strip().split("\\R")) {
      for (String gres : line.strip().split(",")) {
        total += gpuCount(gres.strip());
      }
    }
    return total;
  }

  /**
   * The value of one {@code Key = value} line of {@code scontrol show config}; {@code (null)} when
   * the key is not there, as Slurm prints for unset values.
   */
  static String configValue(String showConfig, String key) {
    return showConfig
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith(key + " ") || l.startsWith(key + "="))
        .map(l -> l.substring(l.indexOf('=') + 1).strip())
        .findFirst()
        .orElse("(null)");
  }

  /** Nanoseconds since the epoch in the output of {@code date +%s.%N}. */
  static long epochNanos(String dateOutput) {
    return new BigDecimal(dateOutput.strip()).movePointRight(9).longValueExact();
  }

  private static int gpuCount(String gres) {
    int paren = gres.indexOf('(');
    String[] parts = (paren >= 0 ? gres.substring(0, paren) : gres).split(":");
    if (!parts[0].equals("gpu")) {
      return 0;
    }
    if (parts.length == 1) {
      return 1;
    }
    String last = parts[parts.length - 1];
    return last.chars().allMatch(Character::isDigit) && !last.isEmpty()
        ? Integer.parseInt(last)
        : 1;
  }
}
