package org.crater.bench.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlurmOutputTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "plain id                 | '42\\n'                          | 42",
        "id and cluster           | '1234;crater-bench\\n'           | 1234",
        "surrounding blanks       | '  77  \\n\\n'                    | 77",
        "warning line first       | 'sbatch: warning: x\\n9'         | 9",
        "empty                    | ''                               | none",
        "error text               | 'sbatch: error: Batch job sub'   | none",
        "not a number             | '12a'                            | none",
        "too long for a long      | '99999999999999999999'           | none",
      })
  void readsTheJobIdOfSbatchParsable(String name, String stdout, Long id) {
    OptionalLong parsed = SlurmOutput.jobId(stdout.replace("\\n", "\n"));

    assertThat(parsed).isEqualTo(id == null ? OptionalLong.empty() : OptionalLong.of(id));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "typed count              | gpu:a100:8                  | 8",
        "untyped count            | gpu:4                       | 4",
        "socket binding           | gpu:a100:8(S:0-1)           | 8",
        "two types on one line    | gpu:a100:4,gpu:h100:2       | 6",
        "two node groups          | 'gpu:a100:8\\ngpu:a100:8'    | 16",
        "no gres                  | (null)                      | 0",
        "other gres only          | mps:100                     | 0",
        "gpu without a count      | gpu                         | 1",
      })
  void sumsTheGpusOfSinfo(String name, String stdout, int gpus) {
    assertThat(SlurmOutput.gpus(stdout.replace("\\n", "\n"))).isEqualTo(gpus);
  }

  @Test
  void readsDatePrintedWithNanoseconds() {
    assertThat(SlurmOutput.epochNanos("1795936555.123456789\n")).isEqualTo(1795936555123456789L);
  }

  @Test
  void readsAValueOfScontrolShowConfig() {
    String config =
        "SchedulerParameters     = (null)\n"
            + "SchedulerTimeSlice      = 30 sec\n"
            + "SchedulerType           = sched/backfill\n";

    assertThat(SlurmOutput.configValue(config, "SchedulerType")).isEqualTo("sched/backfill");
    assertThat(SlurmOutput.configValue(config, "SchedulerParameters")).isEqualTo("(null)");
    assertThat(SlurmOutput.configValue(config, "MaxJobCount")).isEqualTo("(null)");
  }
}
